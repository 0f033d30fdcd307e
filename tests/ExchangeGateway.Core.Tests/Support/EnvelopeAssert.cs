using ExchangeGateway.Core.Envelopes;

namespace ExchangeGateway.Core.Tests.Support;

/// <summary>
/// Compares envelopes field by field: record equality is no use here, since it compares the digests'
/// <see cref="ReadOnlyMemory{T}"/> by reference.
/// </summary>
internal static class EnvelopeAssert
{
    public static void SameFields(Envelope expected, Envelope actual)
    {
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.MessageId, actual.MessageId);
        Assert.Equal(expected.Client, actual.Client);
        Assert.Equal(expected.Service, actual.Service);
        Assert.Equal(expected.Method, actual.Method);
        Assert.Equal(expected.UserId, actual.UserId);
        Assert.Equal(expected.Issue, actual.Issue);
        Assert.Equal(Envelope.Truncate(expected.CreatedAt).UtcTicks, actual.CreatedAt.UtcTicks);
        Assert.Equal(TimeSpan.Zero, actual.CreatedAt.Offset);
        Assert.Equal(expected.PayloadDigest.ToArray(), actual.PayloadDigest.ToArray());
        Assert.Equal(expected.MetadataDigest.ToArray(), actual.MetadataDigest.ToArray());
        Assert.Equal(expected.RequestHash.ToArray(), actual.RequestHash.ToArray());
        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(expected.StatusDetail, actual.StatusDetail);
    }
}
