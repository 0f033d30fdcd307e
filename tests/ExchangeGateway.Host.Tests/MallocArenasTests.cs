namespace ExchangeGateway.Host.Tests;

public sealed class MallocArenasTests
{
    [Fact]
    public void Limit_WithTheVariableSet_LeavesTheLibraryAlone()
    {
        var calls = 0;

        var arenas = MallocArenas.Limit("4", 2, (_, _) => ++calls);

        Assert.Null(arenas);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(16, 16)]
    public void Limit_WithoutTheVariable_AsksForOneArenaAProcessor_AtLeastTwo(int processors, int expected)
    {
        var asked = new List<(int Option, int Value)>();

        var arenas = MallocArenas.Limit(null, processors, (option, value) =>
        {
            asked.Add((option, value));
            return 1;
        });

        Assert.Equal(expected, arenas);
        Assert.Equal([(-8, expected)], asked);
    }

    [Fact]
    public void Limit_RefusedByTheLibrary_ReportsNoCap()
    {
        Assert.Null(MallocArenas.Limit("", 2, (_, _) => 0));
    }

    [Fact]
    public void Limit_InThisProcess_IsTakenByTheCLibrary()
    {
        var arenas = MallocArenas.Limit();

        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(MallocArenas.Variable) is { Length: > 0 })
        {
            Assert.Null(arenas);
            return;
        }

        Assert.Equal(Math.Max(2, Environment.ProcessorCount), arenas);
    }
}
