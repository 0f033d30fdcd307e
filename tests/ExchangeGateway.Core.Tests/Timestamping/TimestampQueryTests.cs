using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using ExchangeGateway.Core.Tests.Support;
using ExchangeGateway.Core.Timestamping;

namespace ExchangeGateway.Core.Tests.Timestamping;

public sealed class TimestampQueryTests
{
    private static readonly byte[] Data = SHA256.HashData("records 1..40"u8);

    [Fact]
    public void Create_Hash_EncodesSha256ImprintNonceAndCertificateRequest()
    {
        var query = TimestampQuery.Create(Data);

        Assert.True(Rfc3161TimestampRequest.TryDecode(query.Encoded, out var request, out var consumed));
        Assert.Equal(query.Encoded.Length, consumed);
        Assert.Equal("2.16.840.1.101.3.4.2.1", request.HashAlgorithmId.Value);
        Assert.Equal(Data, request.GetMessageHash().ToArray());
        Assert.True(request.RequestSignerCertificate);
        Assert.Null(request.RequestedPolicyId);
        Assert.Equal(query.Nonce.ToArray(), request.GetNonce()?.ToArray());
        Assert.Equal(16, query.Nonce.Length);
        Assert.InRange(query.Nonce.Span[0], 0x40, 0x7F);
        Assert.Equal(Data, query.Sha256);
    }

    [Fact]
    public void Create_TwoQueriesOverSameHash_HaveDifferentNonces()
    {
        var first = TimestampQuery.Create(Data);
        var second = TimestampQuery.Create(Data);

        Assert.NotEqual(first.Nonce.ToArray(), second.Nonce.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)]
    [InlineData(64)]
    public void Create_NotSha256Length_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => TimestampQuery.Create(new byte[length]));
    }

    [Fact]
    public void ProcessReply_GrantedWithMatchingToken_IsValid()
    {
        var query = TimestampQuery.Create(Data);
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now, query.Nonce);

        var check = query.ProcessReply(
            TestTokens.Reply(TimestampStatus.Granted, token), TimestampingFederation.Read());

        Assert.True(check.IsValid, check.ToString());
        Assert.Equal(token, check.Token.Token);
        Assert.Equal(TimestampingFederation.FirstAuthority, check.Token.Authority);
    }

    [Fact]
    public void ProcessReply_GrantedWithModifications_IsValid()
    {
        var query = TimestampQuery.Create(Data);
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now, query.Nonce);

        var check = query.ProcessReply(
            TestTokens.Reply(TimestampStatus.GrantedWithMods, token), TimestampingFederation.Read());

        Assert.True(check.IsValid, check.ToString());
    }

    [Fact]
    public void ProcessReply_TokenAnsweringAnotherQuery_FailsNonce()
    {
        var query = TimestampQuery.Create(Data);
        var other = TimestampQuery.Create(Data);
        var token = TestTokens.Create(Data, TimestampingCertificates.Tsa, TestTime.Now, other.Nonce);

        var check = query.ProcessReply(
            TestTokens.Reply(TimestampStatus.Granted, token), TimestampingFederation.Read());

        Assert.Equal(TimestampFailure.Nonce, check.FailedCheck);
    }

    [Fact]
    public void ProcessReply_TokenOverOtherHash_FailsImprint()
    {
        var query = TimestampQuery.Create(Data);
        var token = TestTokens.Create(SHA256.HashData("records 41..80"u8), TimestampingCertificates.Tsa,
            TestTime.Now, query.Nonce);

        var check = query.ProcessReply(
            TestTokens.Reply(TimestampStatus.Granted, token), TimestampingFederation.Read());

        Assert.Equal(TimestampFailure.Imprint, check.FailedCheck);
    }

    [Fact]
    public void ProcessReply_Rejection_FailsStatusNamingFailureAndText()
    {
        var query = TimestampQuery.Create(Data);

        var check = query.ProcessReply(
            TestTokens.Reply(TimestampStatus.Rejection, null, TimestampFailureInfo.BadAlg, "unknown algorithm"),
            TimestampingFederation.Read());

        Assert.Equal(TimestampFailure.Status, check.FailedCheck);
        Assert.Equal("the authority answered Rejection (BadAlg): unknown algorithm", check.Failure);
    }

    [Fact]
    public void ProcessReply_GrantedWithoutToken_FailsMalformed()
    {
        var query = TimestampQuery.Create(Data);

        var check = query.ProcessReply(TestTokens.Reply(TimestampStatus.Granted, null), TimestampingFederation.Read());

        Assert.Equal(TimestampFailure.Malformed, check.FailedCheck);
        Assert.Contains("without a token", check.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ProcessReply_NotATimeStampResp_FailsMalformed()
    {
        var query = TimestampQuery.Create(Data);

        var check = query.ProcessReply("<html>busy</html>"u8.ToArray(), TimestampingFederation.Read());

        Assert.Equal(TimestampFailure.Malformed, check.FailedCheck);
    }

    [Theory]
    [InlineData(TimestampFailureInfo.BadAlg)]
    [InlineData(TimestampFailureInfo.BadDataFormat | TimestampFailureInfo.UnacceptedPolicy)]
    [InlineData(TimestampFailureInfo.SystemFailure)]
    public void TryDecode_FailureBits_ReadsEachNamedBit(TimestampFailureInfo failure)
    {
        var encoded = TestTokens.Reply(TimestampStatus.Rejection, null, failure, "no");

        Assert.True(TimestampReply.TryDecode(encoded, out var reply, out var error), error);

        Assert.Equal(new TimestampReply(TimestampStatus.Rejection, failure, "no", null), reply with { Token = null });
    }

    [Theory]
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x09 })]
    [InlineData(new byte[] { 0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x00, 0x00 })]
    public void TryDecode_NotATimeStampResp_ReturnsFalse(byte[] encoded)
    {
        Assert.False(TimestampReply.TryDecode(encoded, out var reply, out var failure));
        Assert.Null(reply);
        Assert.NotNull(failure);
    }
}
