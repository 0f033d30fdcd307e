namespace ExchangeGateway.Registries.Tests.Fakes;

internal static class TestTimeouts
{
    /// <summary>Bounds every await in the tests: a hung server fails the test instead of hanging the run.</summary>
    public static readonly TimeSpan Await = TimeSpan.FromSeconds(10);

    public static DateTime Deadline => DateTime.UtcNow.Add(Await);
}
