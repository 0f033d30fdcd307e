using System.Diagnostics;

namespace ExchangeGateway.Host.Tests.Support;

/// <summary>Waits for what another thread does, polling at most for <see cref="Errors.Timeout"/>.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Errors.Timeout, $"timed out waiting until {what}");
            await Task.Delay(10);
        }
    }
}
