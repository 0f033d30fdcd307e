using System.Runtime.InteropServices;

namespace ExchangeGateway.Host;

/// <summary>
/// Caps the number of glibc malloc arenas of a gateway process at one per processor (at least two), unless the
/// environment sets <c>MALLOC_ARENA_MAX</c> itself.
/// </summary>
/// <remarks>
/// glibc gives a thread that first allocates an arena of its own, up to eight per processor, and an arena keeps the
/// memory its threads freed. The thread pool retires and starts workers as load changes, so under sustained load a
/// gateway's native memory (OpenSSL's and SQLite's allocations) kept rising for many minutes as new arenas filled; with
/// two arenas it stayed flat at the same throughput (README, section Benchmark). The cap holds for arenas made after
/// the call, so a process entry point calls <see cref="Limit()"/> first, before its threads multiply; glibc fixes its
/// own limit once a process has nine arenas, after which the call changes nothing. An embedding host is left alone:
/// only <c>exgw gateway</c> and the benchmark's gateway process call it.
/// </remarks>
public static class MallocArenas
{
    /// <summary>glibc's <c>M_ARENA_MAX</c> option of <c>mallopt</c> (malloc.h).</summary>
    private const int ArenaMaxOption = -8;

    /// <summary>The environment variable through which glibc takes an arena limit at start, which wins.</summary>
    public const string Variable = "MALLOC_ARENA_MAX";

    /// <summary>
    /// Sets the cap on Linux when <c>MALLOC_ARENA_MAX</c> is not set; returns the cap, or null when none was set
    /// here (another system, the variable set, or a C library that refused the option).
    /// </summary>
    public static int? Limit()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return Limit(Environment.GetEnvironmentVariable(Variable), Environment.ProcessorCount, SetOption);
    }

    /// <summary>The decision, apart from the process it runs in (tests give their own
    /// <paramref name="mallopt"/>).</summary>
    internal static int? Limit(string? variable, int processors, Func<int, int, int> mallopt)
    {
        if (!string.IsNullOrEmpty(variable))
        {
            return null;
        }

        var arenas = Math.Max(2, processors);
        return mallopt(ArenaMaxOption, arenas) == 1 ? arenas : null;
    }

    private static int SetOption(int option, int value)
    {
        try
        {
            return NativeMethods.MallOpt(option, value);
        }
        catch (EntryPointNotFoundException)
        {
            return 0;
        }
        catch (DllNotFoundException)
        {
            return 0;
        }
    }

    private static class NativeMethods
    {
        /// <summary><c>int mallopt(int param, int value)</c>: 1 on success, 0 on error; plain ints.</summary>
        [DllImport("libc", EntryPoint = "mallopt", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int MallOpt(int option, int value);
    }
}
