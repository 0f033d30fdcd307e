namespace ExchangeGateway.Host.Tests;

public sealed class MallocArenasTests
{
    [Theory]
    [InlineData("4", null)]
    [InlineData(" 0x4", null)]
    [InlineData("4 arenas", "glibc.malloc.arena_max=0")]
    [InlineData(null, "glibc.malloc.check=0:glibc.malloc.arena_max=4")]
    [InlineData("0", "glibc.malloc.arena_max=010")]
    public void Wanted_WithACapInTheEnvironment_IsNone_AndTheLibraryIsLeftAlone(string? variable, string? tunables)
    {
        var calls = 0;

        var wanted = MallocArenas.Wanted(Entries(variable, tunables), 2);
        var limit = MallocArenas.Limit(wanted, (_, _) => ++calls);

        Assert.Null(wanted);
        Assert.Null(limit);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData(null, 1, 2)]
    [InlineData("", 2, 2)]
    [InlineData("0", 2, 2)]
    [InlineData("two", 2, 2)]
    [InlineData("0x", 2, 2)]
    [InlineData(null, 16, 16)]
    public void Wanted_WithoutACapGlibcTakes_IsOneArenaAProcessor_AtLeastTwo_AsLimitAsks(
        string? variable, int processors, int expected)
    {
        var asked = new List<(int Option, int Value)>();

        var wanted = MallocArenas.Wanted(
            Entries(variable, "glibc.malloc.check=0:glibc.malloc.arena_max=0:x=1"), processors);
        var limit = MallocArenas.Limit(wanted, (option, value) =>
        {
            asked.Add((option, value));
            return 1;
        });

        Assert.Equal(expected, wanted);
        Assert.Equal(expected, limit);
        Assert.Equal([(-8, expected)], asked);
    }

    [Theory]
    [InlineData("MALLOC_ARENA_MAX=abc|MALLOC_ARENA_MAX=2", null)]
    [InlineData("MALLOC_ARENA_MAX=2|MALLOC_ARENA_MAX=0", null)]
    [InlineData("GLIBC_TUNABLES=glibc.malloc.arena_max=0|MALLOC_ARENA_MAX=|GLIBC_TUNABLES=glibc.malloc.arena_max=3",
        null)]
    [InlineData("MALLOC_ARENA_MAX=|MALLOC_ARENA_MAX=0", 2)]
    [InlineData("MALLOC_ARENA_MAX_OLD=2|XMALLOC_ARENA_MAX=2|GLIBC_TUNABLES=glibc.malloc.arena_max_x=2", 2)]
    public void Wanted_WithAVariableTwice_CountsACapInAnyEntry_AsGlibcTakesTheFirstItReads(
        string environment, int? expected)
    {
        Assert.Equal(expected, MallocArenas.Wanted(environment.Split('|'), 2));
    }

    [Fact]
    public void StartEnvironment_KeepsEveryEntryOfTheBlock_DuplicatesIncluded_SoTheDecisionSeesThemAll()
    {
        var block = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(block, "LANG=C\0MALLOC_ARENA_MAX=abc\0MALLOC_ARENA_MAX=2\0"u8.ToArray());

            var environment = MallocArenas.StartEnvironment(block);

            Assert.Equal(["LANG=C", "MALLOC_ARENA_MAX=abc", "MALLOC_ARENA_MAX=2"], environment);
            Assert.Null(MallocArenas.Wanted(environment, 2));
        }
        finally
        {
            File.Delete(block);
        }
    }

    [Fact]
    public void StartEnvironment_OfThisProcess_IsTheOneItStartedWith_AndWithoutTheBlock_TheRuntimesView()
    {
        // Set now, so in the runtime's view only: the block the process started with never held it.
        var name = $"EXGW_TEST_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(name, "1");
        try
        {
            var started = MallocArenas.StartEnvironment("/proc/self/environ");
            var runtimes = MallocArenas.StartEnvironment(Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid()}"));

            Assert.Contains($"PATH={Environment.GetEnvironmentVariable("PATH")}", started);
            Assert.DoesNotContain($"{name}=1", started);
            Assert.Contains($"{name}=1", runtimes);
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("\t+8", true)]
    [InlineData("0X1f", true)]
    [InlineData("07", true)]
    [InlineData("4abc", true)]
    [InlineData("-1", true)]
    [InlineData("18446744073709551616", true)]
    [InlineData("08", false)]
    [InlineData("0", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsPositive_ReadsANumberAsGlibcDoes(string? value, bool positive)
    {
        // glibc 2.36 reads octal after a 0, so "08" is 0; it stops at the first other character; -1 wraps around;
        // 2^64 is taken as the largest number.
        Assert.Equal(positive, MallocArenas.IsPositive(value));
    }

    [Fact]
    public void Limit_RefusedByTheLibrary_ReportsNoCap()
    {
        Assert.Null(MallocArenas.Limit(2, (_, _) => 0));
    }

    [Fact]
    public void IsGlibc_OnThisLinux_AsLddSays()
    {
        // The CI machines run Debian (glibc); elsewhere there is no glibc to find.
        var glibc = OperatingSystem.IsLinux() && File.Exists("/usr/bin/ldd")
            && File.ReadAllText("/usr/bin/ldd").Contains("GNU C Library", StringComparison.Ordinal);

        Assert.Equal(glibc, MallocArenas.IsGlibc());
    }

    [Fact]
    public void SetOption_IsTakenByGlibcOnly()
    {
        // M_ARENA_MAX at one per processor, what a gateway asks for: glibc answers 1; musl and others have no such
        // option or no mallopt.
        var answer = MallocArenas.SetOption(-8, Math.Max(2, Environment.ProcessorCount));

        Assert.Equal(OperatingSystem.IsLinux() && MallocArenas.IsGlibc() ? 1 : 0, answer);
    }

    [Fact]
    public void Restart_OfAProgramThatIsNotThere_SaysSo_AndTriesNothing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "exgw-" + Guid.NewGuid().ToString("N"), "exgw");

        var reason = MallocArenas.Restart(2, missing);

        Assert.Equal(OperatingSystem.IsLinux() ? $"this program is not found at '{missing}'"
            : "only Linux has glibc's arenas", reason);
    }

    [Fact]
    public void Restart_WhenExecveFails_SaysWhy_AndThisProcessGoesOn()
    {
        // A file that is not executable: execve refuses it. (It frees this test host's diagnostics socket first, as
        // it would a gateway's, and says so.)
        var file = Path.GetTempFileName();
        try
        {
            var reason = MallocArenas.Restart(2, file);

            if (OperatingSystem.IsLinux())
            {
                Assert.StartsWith("execve: Permission denied", reason, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("only Linux has glibc's arenas", reason);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>An environment holding the variable and the tunables, each when given.</summary>
    private static List<string> Entries(string? variable, string? tunables) =>
    [
        .. variable is null ? [] : new[] { $"{MallocArenas.Variable}={variable}" },
        .. tunables is null ? [] : new[] { $"GLIBC_TUNABLES={tunables}" },
    ];
}
