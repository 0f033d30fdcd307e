using System.Runtime.InteropServices;

namespace ExchangeGateway.Host.Tests;

public sealed class MallocArenasTests
{
    [Theory]
    [InlineData("4", null)]
    [InlineData(null, "glibc.malloc.check=0:glibc.malloc.arena_max=4")]
    public void Wanted_WithACapInTheEnvironment_IsNone_AndTheLibraryIsLeftAlone(string? variable, string? tunables)
    {
        var calls = 0;

        var wanted = MallocArenas.Wanted(variable, tunables, 2);
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
    [InlineData(null, 16, 16)]
    public void Wanted_WithoutACapGlibcTakes_IsOneArenaAProcessor_AtLeastTwo_AsLimitAsks(
        string? variable, int processors, int expected)
    {
        var asked = new List<(int Option, int Value)>();

        var wanted = MallocArenas.Wanted(variable, "glibc.malloc.check=0", processors);
        var limit = MallocArenas.Limit(wanted, (option, value) =>
        {
            asked.Add((option, value));
            return 1;
        });

        Assert.Equal(expected, wanted);
        Assert.Equal(expected, limit);
        Assert.Equal([(-8, expected)], asked);
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
    public void Strings_SplitAProcBlockAtItsNulBytes_KeepingEmptyOnesAndAnyEncoding()
    {
        byte[] block = [(byte)'a', 0, 0, 0xFF, (byte)'b', 0, (byte)'c'];

        var strings = MallocArenas.Strings(block);

        Assert.Equal([[(byte)'a'], [], [0xFF, (byte)'b'], [(byte)'c']], strings);
        Assert.Empty(MallocArenas.Strings([]));
    }

    [Fact]
    public void WithCap_ReplacesAnyValueOfTheVariable_AndKeepsEveryOtherEntryAsItWas()
    {
        List<byte[]> entries = [[.. "PATH=/bin"u8], [.. "MALLOC_ARENA_MAX=0"u8], [.. "MALLOC_ARENA_MAXIMUM=1"u8],
            [0xFF, (byte)'=', (byte)'x']];

        var result = MallocArenas.WithCap(entries, 4);

        Assert.Equal([entries[0], entries[2], entries[3], [.. "MALLOC_ARENA_MAX=4"u8]], result);
    }

    [Fact]
    public void SetOption_IsTakenByTheCLibrary_OnLinuxOnly()
    {
        // M_ARENA_MAX at one per processor, what a gateway asks for: glibc answers 1; elsewhere there is no mallopt.
        var answer = MallocArenas.SetOption(-8, Math.Max(2, Environment.ProcessorCount));

        Assert.Equal(OperatingSystem.IsLinux() ? 1 : 0, answer);
    }

    [Fact]
    public void Restart_WhenTheProgramCannotRun_SaysWhyAndLeavesTheThreadsSignalMaskAsItWas()
    {
        var missing = Path.Combine(Path.GetTempPath(), "exgw-" + Guid.NewGuid().ToString("N"), "exgw");
        if (!OperatingSystem.IsLinux())
        {
            Assert.Equal("only Linux has glibc's arenas", MallocArenas.Restart(2, missing));
            return;
        }

        // SIGUSR2 (12) blocked on this thread for the test: the restart clears the mask, and must put it back.
        var old = new byte[128];
        var usr2 = new byte[128];
        usr2[1] = 0x08;
        Assert.Equal(0, SetSignalMask(0, usr2, old));
        try
        {
            var before = BlockedSignals();

            var reason = MallocArenas.Restart(2, missing);

            Assert.StartsWith("execve (-1): ", reason, StringComparison.Ordinal);
            Assert.Contains("No such file", reason, StringComparison.OrdinalIgnoreCase);
            Assert.EndsWith("800", before, StringComparison.Ordinal);
            Assert.Equal(before, BlockedSignals());
        }
        finally
        {
            Assert.Equal(0, SetSignalMask(2, old, null));
        }
    }

    [DllImport("libc", EntryPoint = "pthread_sigmask", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetSignalMask(int how, byte[] set, [Out] byte[]? old);

    /// <summary>The calling thread's blocked signals, as Linux reports them.</summary>
    private static string BlockedSignals() =>
        File.ReadLines("/proc/thread-self/status").Single(line => line.StartsWith("SigBlk:", StringComparison.Ordinal));
}
