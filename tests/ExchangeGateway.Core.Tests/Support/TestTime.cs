namespace ExchangeGateway.Core.Tests.Support;

/// <summary>The fixed instants the tests use instead of the clock.</summary>
internal static class TestTime
{
    /// <summary>The "now" of every test: inside every test certificate's validity, with a microsecond part.</summary>
    public static readonly DateTimeOffset Now =
        new DateTimeOffset(2026, 3, 2, 9, 30, 15, TimeSpan.Zero).AddTicks(1_234_560);
}
