using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Tests.Support;
using ExchangeGateway.Core.Timestamping;

namespace ExchangeGateway.Core.Tests.Timestamping;

public sealed class TimestampVerifierTests
{
    private static readonly byte[] Data = SHA256.HashData("a Merkle root over signatures"u8);

    private static readonly byte[] Nonce = [0x41, 1, 2];

    [Fact]
    public void Verify_TokenOfListedAuthority_IsValidWithItsTimeAndAuthority()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(TimestampFailure.None, check.FailedCheck);
        Assert.Equal(token, check.Token.Token);
        Assert.Equal(TimestampingFederation.FirstAuthority, check.Token.Authority);
        Assert.Equal(TestTime.Now, check.Token.Time);
        Assert.Equal(TimestampingCertificates.Tsa.RawData, check.Signer.RawData);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6_900_000)]
    [InlineData(710_000)]
    [InlineData(1_234_567)]
    public void Verify_FractionalGenTime_IsReadToTheTick(long ticks)
    {
        var time = new DateTimeOffset(2026, 3, 2, 9, 30, 15, TimeSpan.Zero).AddTicks(ticks);
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, time);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(time, check.Token.Time);
    }

    [Fact]
    public void Verify_CertificateOfSecondAuthority_NamesTheSecondAuthority()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.SecondTsa, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(TimestampingFederation.SecondAuthority, check.Token.Authority);
    }

    [Fact]
    public void Verify_ImprintOfOtherData_FailsImprint()
    {
        var token = TestTokens.Create(SHA256.HashData("other data"u8), TimestampingCertificates.Tsa, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Imprint, Convert.ToHexStringLower(Data));
    }

    [Fact]
    public void Verify_ImprintOverSha512_FailsImprint()
    {
        var sha512 = SHA512.HashData("a Merkle root over signatures"u8);
        var token = TestTokens.Create(sha512, TimestampingCertificates.Tsa, TestTime.Now,
            imprintAlgorithm: "2.16.840.1.101.3.4.2.3");

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Imprint, "not SHA-256");
    }

    [Fact]
    public void Verify_NonceOtherThanRequested_FailsNonce()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now, nonce: Nonce);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read(), new byte[] { 0x41, 1, 3 });

        AssertFailed(check, TimestampFailure.Nonce, "410102");
    }

    [Fact]
    public void Verify_NonceMissingThoughRequested_FailsNonce()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read(), new byte[] { 0x41, 1, 3 });

        AssertFailed(check, TimestampFailure.Nonce, "no nonce");
    }

    [Fact]
    public void Verify_SameNonceWithLeadingZero_IsValid()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now, nonce: Nonce);

        var check = TimestampVerifier.Verify(
            token, Data, TimestampingFederation.Read(), new byte[] { 0, 0x41, 1, 2 });

        Assert.True(check.IsValid, check.ToString());
    }

    [Fact]
    public void Verify_CertificateOutsideFederation_FailsChain()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.ForeignTsa, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Chain, "does not chain to a federation CA");
    }

    [Fact]
    public void Verify_TokenTimeAfterCertificateExpiry_FailsChain()
    {
        var after = TestCertificates.ValidUntil.AddDays(1);
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, after);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Chain, "is not valid at");
    }

    [Fact]
    public void Verify_CertificateWithoutTimestampingPurpose_FailsPurpose()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.NoPurpose, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Purpose, "0 extended key usage extensions");
    }

    [Fact]
    public void Verify_TimestampingPurposeNotCritical_FailsPurpose()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.NonCriticalPurpose, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Purpose, "non-critical");
    }

    [Fact]
    public void Verify_TimestampingPurposeSharedWithTls_FailsPurpose()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.SharedPurpose, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Purpose, "not for time-stamping alone");
    }

    [Fact]
    public void Verify_SignatureByteFlipped_FailsSignature()
    {
        var token = TestTokens.WithSignatureFlipped(
            TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now));

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Signature, "does not verify");
    }

    [Fact]
    public void Verify_TstInfoChangedAfterSigning_FailsSignature()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now);
        var at = token.AsSpan().IndexOf(Data);
        token[at + 31] ^= 0x01;

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Signature, "does not verify");
    }

    [Fact]
    public void Verify_CertificateNotRegistered_FailsNotRegistered()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.UnregisteredTsa, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.NotRegistered, "not registered to a listed time-stamping authority");
    }

    [Fact]
    public void Verify_FederationWithoutAuthorities_FailsNotRegistered()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TestFederation.Read());

        AssertFailed(check, TimestampFailure.NotRegistered, "CN=Test TSA");
    }

    [Fact]
    public void Verify_CertificateRevoked_FailsNotRegistered()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.RevokedTsa, TestTime.Now);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.NotRegistered, "revoked");
    }

    [Fact]
    public void Verify_CertificateNotInToken_FailsSignerCertificate()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now, includeCertificate: false);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.SignerCertificate, "does not carry");
    }

    [Fact]
    public void Verify_NoSigningCertificateAttribute_FailsSignerCertificate()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now, withEss: false);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.SignerCertificate, "no ESS signing-certificate attribute");
    }

    [Fact]
    public void Verify_SigningCertificateAttributeNamesAnother_FailsSignerCertificate()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now,
            essNames: TimestampingCertificates.SecondTsa);

        var check = TimestampVerifier.Verify(token, Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.SignerCertificate, "names another certificate");
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("garbage")]
    [InlineData("trailing byte")]
    [InlineData("truncated")]
    public void Verify_NotAToken_FailsMalformed(string shape)
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now);
        byte[] bad = shape switch
        {
            "empty" => [],
            "garbage" => "not a token"u8.ToArray(),
            "trailing byte" => [.. token, 0],
            _ => token[..^10],
        };

        var check = TimestampVerifier.Verify(bad, Data, TimestampingFederation.Read());

        Assert.Equal(TimestampFailure.Malformed, check.FailedCheck);
        Assert.False(check.IsValid);
    }

    [Fact]
    public void Verify_SignedDataOverOtherContent_FailsMalformed()
    {
        var cms = new SignedCms(new ContentInfo(Data), detached: false);
        cms.ComputeSignature(new CmsSigner(TimestampingCertificates.Tsa), silent: true);

        var check = TimestampVerifier.Verify(cms.Encode(), Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Malformed, "not id-ct-TSTInfo");
    }

    [Fact]
    public void Verify_TwoSigners_FailsMalformed()
    {
        var cms = new SignedCms();
        cms.Decode(TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now));
        cms.ComputeSignature(new CmsSigner(TimestampingCertificates.SecondTsa), silent: true);

        var check = TimestampVerifier.Verify(cms.Encode(), Data, TimestampingFederation.Read());

        AssertFailed(check, TimestampFailure.Malformed, "2 signers");
    }

    [Fact]
    public void Verify_TokenOfDotNetVerifier_AgreesWithRfc3161TimestampToken()
    {
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now);

        Assert.True(Rfc3161TimestampToken.TryDecode(token, out var decoded, out _));
        Assert.True(decoded.VerifySignatureForHash(Data, HashAlgorithmName.SHA256, out var signer));
        Assert.Equal(TimestampingCertificates.Tsa.RawData, signer.RawData);
        Assert.True(TimestampVerifier.Verify(token, Data, TimestampingFederation.Read()).IsValid);
    }

    private static void AssertFailed(TimestampCheck check, TimestampFailure expected, string words)
    {
        Assert.False(check.IsValid);
        Assert.Equal(expected, check.FailedCheck);
        Assert.Contains(words, check.Failure, StringComparison.Ordinal);
        Assert.Null(check.Token);
        Assert.Null(check.Signer);
    }
}
