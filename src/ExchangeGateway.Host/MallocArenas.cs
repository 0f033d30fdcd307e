using System.Globalization;
using System.Runtime.InteropServices;

namespace ExchangeGateway.Host;

/// <summary>
/// Caps the glibc malloc arenas a gateway process makes from now on at one per processor (at least two), unless its
/// environment already sets a cap (<c>MALLOC_ARENA_MAX</c>, or <c>glibc.malloc.arena_max</c> in <c>GLIBC_TUNABLES</c>).
/// </summary>
/// <remarks>
/// glibc gives the threads of a process arenas of their own, up to eight per processor, and each arena keeps memory its
/// threads freed. Spread over 16 arenas, a gateway's malloc memory (OpenSSL's, SQLite's, the runtime's) kept growing
/// for many minutes under sustained load; with two arenas, set by <c>MALLOC_ARENA_MAX=2</c> in its environment, it
/// stayed flat at the same throughput (README, section Benchmark). <c>mallopt</c> caps only arenas made after the call:
/// those the runtime's threads made before any managed code ran stay (6 in the benchmark's gateways, so the cap halved
/// the growth the variable removed), and once a process has had nine arenas glibc has fixed its limit and the call
/// changes nothing, though it still succeeds. So a process entry point calls <see cref="Limit()"/> first, and the
/// README recommends the variable. One per processor on larger machines is a choice; only two cores were measured. An
/// embedding host is left alone: only <c>exgw gateway</c> and the benchmark's gateway process call it.
/// </remarks>
public static class MallocArenas
{
    /// <summary>glibc's <c>M_ARENA_MAX</c> option of <c>mallopt</c> (malloc.h).</summary>
    private const int ArenaMaxOption = -8;

    /// <summary>The environment variable through which glibc takes an arena limit at start, which wins.</summary>
    public const string Variable = "MALLOC_ARENA_MAX";

    /// <summary>
    /// Asks glibc, on Linux, to cap the arenas made from now on when the environment sets no cap; returns the cap
    /// asked for, or null when none was (another system, a cap in the environment, or a C library that refused).
    /// </summary>
    public static int? Limit()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return Limit(Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable("GLIBC_TUNABLES"),
            Environment.ProcessorCount, SetOption);
    }

    /// <summary>The decision, apart from the process it runs in (tests give their own
    /// <paramref name="mallopt"/>).</summary>
    internal static int? Limit(string? variable, string? tunables, int processors, Func<int, int, int> mallopt)
    {
        // glibc takes a positive number and ignores anything else, so only a cap it took counts as set.
        var set = int.TryParse(variable, NumberStyles.None, CultureInfo.InvariantCulture, out var cap) && cap > 0;
        if (set || (tunables?.Contains("glibc.malloc.arena_max=", StringComparison.Ordinal) ?? false))
        {
            return null;
        }

        var arenas = Math.Max(2, processors);
        return mallopt(ArenaMaxOption, arenas) == 1 ? arenas : null;
    }

    /// <summary><c>mallopt</c>: 1 when the C library took the option, 0 when it refused or has none.</summary>
    internal static int SetOption(int option, int value)
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
