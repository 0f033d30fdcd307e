using System.Runtime.InteropServices;

namespace ExchangeGateway.Host;

/// <summary>
/// Caps the number of glibc malloc arenas of a gateway process at one per processor (at least two), unless the
/// environment sets <c>MALLOC_ARENA_MAX</c> itself.
/// </summary>
/// <remarks>
/// glibc gives the threads of a process arenas of their own, up to eight per processor, and each arena keeps memory its
/// threads freed. Spread over 16 arenas, a gateway's malloc memory (OpenSSL's, SQLite's, the runtime's) kept growing
/// for many minutes under sustained load; with two arenas, set by <c>MALLOC_ARENA_MAX=2</c> in its environment, it
/// stayed flat at the same throughput (README, section Benchmark). The cap holds only for arenas made after the call,
/// and the runtime's own threads make some before any managed code runs (6 in the benchmark's gateways), so this halves
/// the growth where the variable removes it; a process entry point calls <see cref="Limit()"/> first, before its
/// threads multiply. An embedding host is left alone: only <c>exgw gateway</c> and the benchmark's gateway process call
/// it.
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
