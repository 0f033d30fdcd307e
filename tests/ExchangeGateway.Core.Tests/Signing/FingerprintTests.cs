using System.Security.Cryptography;
using ExchangeGateway.Core.Signing;
using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Signing;

public sealed class FingerprintTests
{
    [Fact]
    public void Of_Certificate_IsLowerCaseHexSha256OfDer()
    {
        var certificate = TestCertificates.ClientSigning;

        var fingerprint = Fingerprint.Of(certificate);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(certificate.RawData)), fingerprint);
        Assert.Equal(64, fingerprint.Length);
        Assert.NotEqual(fingerprint, Fingerprint.Of(TestCertificates.ProviderSigning));
    }

    [Theory]
    [InlineData("AB:CD:EF", "abcdef")]
    [InlineData("ab cd ef", "abcdef")]
    [InlineData("Ab:cD eF", "abcdef")]
    [InlineData("abcdef", "abcdef")]
    public void Normalise_AsWrittenByPerson_LowerCaseWithoutColonsOrSpaces(string text, string expected)
    {
        Assert.Equal(expected, Fingerprint.Normalise(text));
    }

    [Fact]
    public void Normalise_ColonSeparatedUpperCase_MatchesOf()
    {
        var fingerprint = Fingerprint.Of(TestCertificates.ClientSigning);
        var written = string.Join(':', Enumerable.Range(0, 32).Select(i => fingerprint.Substring(i * 2, 2)))
            .ToUpperInvariant();

        Assert.Equal(fingerprint, Fingerprint.Normalise(written));
    }
}
