using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;
using ExchangeGateway.Core.Envelopes;

namespace ExchangeGateway.Core.Tests.Envelopes;

public sealed class MetadataDigestTests
{
    [Fact]
    public void Compute_SameEntriesBuiltApart_GiveSameDigest()
    {
        Assert.Equal(
            MetadataDigest.Compute([Entry("x-user", "alice"), Entry("x-issue", "42")]),
            MetadataDigest.Compute([Entry("x-user", "alice"), Entry("x-issue", "42")]));
    }

    [Fact]
    public void Compute_EntriesReordered_ChangesDigest()
    {
        Assert.NotEqual(
            MetadataDigest.Compute([Entry("x-user", "alice"), Entry("x-issue", "42")]),
            MetadataDigest.Compute([Entry("x-issue", "42"), Entry("x-user", "alice")]));
    }

    [Theory]
    [InlineData("x-user", "alicf")]
    [InlineData("x-usfr", "alice")]
    [InlineData("X-user", "alice")]
    [InlineData("x-user", "alice ")]
    [InlineData("x-user", "")]
    public void Compute_KeyOrValueChanged_ChangesDigest(string key, string value)
    {
        Assert.NotEqual(
            MetadataDigest.Compute([Entry("x-user", "alice")]),
            MetadataDigest.Compute([Entry(key, value)]));
    }

    [Fact]
    public void Compute_BoundaryBetweenKeyAndValueMoved_ChangesDigest()
    {
        Assert.NotEqual(
            MetadataDigest.Compute([Entry("ab", "c")]),
            MetadataDigest.Compute([Entry("a", "bc")]));
    }

    [Fact]
    public void Compute_EntryRepeated_ChangesDigest()
    {
        Assert.NotEqual(
            MetadataDigest.Compute([Entry("x-user", "alice")]),
            MetadataDigest.Compute([Entry("x-user", "alice"), Entry("x-user", "alice")]));
    }

    [Fact]
    public void Compute_EmptyValue_DiffersFromNoEntry()
    {
        Assert.NotEqual(MetadataDigest.Compute([]), MetadataDigest.Compute([Entry("x-user", "")]));
    }

    [Fact]
    public void Compute_NoEntries_IsSha256OfEmptyDerSequence()
    {
        Assert.Equal(SHA256.HashData(new byte[] { 0x30, 0x00 }), MetadataDigest.Compute([]));
    }

    [Fact]
    public void Compute_Entries_MatchesDocumentedDer()
    {
        byte[] binary = [0x00, 0xFF, 0x10];
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            using (writer.PushSequence())
            {
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, "x-user");
                writer.WriteOctetString("Ion Cr\u0103ciun"u8);
            }

            using (writer.PushSequence())
            {
                writer.WriteCharacterString(UniversalTagNumber.UTF8String, "trace-bin");
                writer.WriteOctetString(binary);
            }
        }

        var digest = MetadataDigest.Compute([Entry("x-user", "Ion Cr\u0103ciun"), new("trace-bin", binary)]);

        Assert.Equal(SHA256.HashData(writer.Encode()), digest);
    }

    [Fact]
    public void Compute_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => MetadataDigest.Compute(null!));
    }

    private static KeyValuePair<string, ReadOnlyMemory<byte>> Entry(string key, string value) =>
        new(key, Encoding.UTF8.GetBytes(value));
}
