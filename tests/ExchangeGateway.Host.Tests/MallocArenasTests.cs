namespace ExchangeGateway.Host.Tests;

public sealed class MallocArenasTests
{
    [Theory]
    [InlineData("4", null)]
    [InlineData(null, "glibc.malloc.check=0:glibc.malloc.arena_max=4")]
    public void Limit_WithACapInTheEnvironment_LeavesTheLibraryAlone(string? variable, string? tunables)
    {
        var calls = 0;

        var arenas = MallocArenas.Limit(variable, tunables, 2, (_, _) => ++calls);

        Assert.Null(arenas);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData(null, 1, 2)]
    [InlineData("", 2, 2)]
    [InlineData("0", 2, 2)]
    [InlineData("two", 2, 2)]
    [InlineData(null, 16, 16)]
    public void Limit_WithoutACapGlibcTakes_AsksForOneArenaAProcessor_AtLeastTwo(
        string? variable, int processors, int expected)
    {
        var asked = new List<(int Option, int Value)>();

        var arenas = MallocArenas.Limit(variable, "glibc.malloc.check=0", processors, (option, value) =>
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
        Assert.Null(MallocArenas.Limit(null, null, 2, (_, _) => 0));
    }

    [Fact]
    public void SetOption_IsTakenByTheCLibrary_OnLinuxOnly()
    {
        // M_ARENA_MAX at one per processor, what a gateway asks for: glibc answers 1; elsewhere there is no mallopt.
        var answer = MallocArenas.SetOption(-8, Math.Max(2, Environment.ProcessorCount));

        Assert.Equal(OperatingSystem.IsLinux() ? 1 : 0, answer);
    }
}
