using ExchangeGateway.Core.Envelopes;

namespace ExchangeGateway.Core.Tests.Envelopes;

public sealed class EnvelopeTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(9, 0)]
    [InlineData(10, 10)]
    [InlineData(19, 10)]
    public void Truncate_Ticks_DropsBelowMicrosecond(long extraTicks, long keptTicks)
    {
        var whole = new DateTimeOffset(2026, 3, 2, 9, 30, 15, TimeSpan.Zero);

        Assert.Equal(whole.AddTicks(keptTicks), Envelope.Truncate(whole.AddTicks(extraTicks)));
    }

    [Fact]
    public void Truncate_TimeWithOffset_ReturnsUtc()
    {
        var local = new DateTimeOffset(2026, 3, 2, 12, 30, 15, TimeSpan.FromHours(3)).AddTicks(15);

        var truncated = Envelope.Truncate(local);

        Assert.Equal(TimeSpan.Zero, truncated.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 9, 30, 15, TimeSpan.Zero).AddTicks(10), truncated);
    }

    [Fact]
    public void New_OptionalFields_DefaultToEmpty()
    {
        var envelope = new Envelope
        {
            Kind = EnvelopeKind.Request,
            MessageId = "m",
            Client = "c",
            Service = "s",
            Method = "M",
            CreatedAt = DateTimeOffset.UnixEpoch,
            PayloadDigest = new byte[32],
            MetadataDigest = new byte[32],
        };

        Assert.Equal("", envelope.UserId);
        Assert.Equal("", envelope.Issue);
        Assert.True(envelope.RequestHash.IsEmpty);
        Assert.Equal(0, envelope.StatusCode);
        Assert.Equal("", envelope.StatusDetail);
    }
}
