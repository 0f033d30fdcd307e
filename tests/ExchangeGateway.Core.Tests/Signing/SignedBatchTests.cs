using System.Formats.Asn1;
using System.Security.Cryptography;
using ExchangeGateway.Core.Signing;

namespace ExchangeGateway.Core.Tests.Signing;

public sealed class SignedBatchTests
{
    [Fact]
    public void Content_RootAndSize_IsDocumentedDer()
    {
        var root = SHA256.HashData("root"u8);
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteInteger(1);
            writer.WriteInteger(12);
            writer.WriteOctetString(root);
        }

        Assert.Equal(writer.Encode(), SignedBatch.Content(root, 12));
    }

    [Fact]
    public void Content_SizeOrRootChanged_ChangesBytes()
    {
        var root = SHA256.HashData("root"u8);

        Assert.NotEqual(SignedBatch.Content(root, 12), SignedBatch.Content(root, 13));
        Assert.NotEqual(SignedBatch.Content(root, 12), SignedBatch.Content(SHA256.HashData("other"u8), 12));
    }
}
