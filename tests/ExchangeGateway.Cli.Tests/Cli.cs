// The commands write to the process's console, which the tests capture: no two may run at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace ExchangeGateway.Cli.Tests;

/// <summary>Runs <c>exgw</c> in this process, as <see cref="Program.Main"/>, capturing what it prints.</summary>
internal static class Cli
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            var exitCode = await Program.Main(args).WaitAsync(TimeSpan.FromMinutes(2));
            return (exitCode, output.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
