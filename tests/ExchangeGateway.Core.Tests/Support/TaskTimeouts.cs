namespace ExchangeGateway.Core.Tests.Support;

/// <summary>Every await in the tests has a limit, so a hang fails the test instead of stalling the run.</summary>
internal static class TaskTimeouts
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Task<T> Within<T>(this Task<T> task) => task.WaitAsync(Limit);

    public static Task Within(this Task task) => task.WaitAsync(Limit);
}
