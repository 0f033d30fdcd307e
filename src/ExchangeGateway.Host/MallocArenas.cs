using System.Globalization;
using System.Runtime.InteropServices;

namespace ExchangeGateway.Host;

/// <summary>
/// Caps the glibc malloc arenas of a gateway process at one per processor (at least two), unless its environment
/// already sets a cap (<c>MALLOC_ARENA_MAX</c>, or <c>glibc.malloc.arena_max</c> in <c>GLIBC_TUNABLES</c>): by
/// restarting the process with the variable set, or, failing that, for the arenas made from then on.
/// </summary>
/// <remarks>
/// glibc gives the threads of a process arenas of their own, up to eight per processor, and each arena keeps memory its
/// threads freed. Spread over 16 arenas, a gateway's malloc memory (OpenSSL's, SQLite's, the runtime's) kept growing
/// for many minutes under sustained load; with two arenas, set by <c>MALLOC_ARENA_MAX=2</c> in its environment, it
/// stayed flat at the same throughput (tests/ExchangeGateway.Benchmarks/README.md). glibc reads the variable only when
/// the process starts, and the runtime's threads make their arenas before any managed code runs, so <see
/// cref="Restart(int)"/> replaces the process by the same program with the variable set (same process id, name,
/// arguments, signal mask and otherwise the same environment; the name of its diagnostics socket freed for the new
/// runtime). <c>mallopt</c>, the fallback (<see cref="Limit(int)"/>), caps only arenas made after the call: the 6 made
/// before stayed in the benchmark's gateways, which halved the growth the variable removed; and once a process has had
/// nine arenas glibc has fixed its limit and the call changes nothing, though it still succeeds. One per processor on
/// larger machines is a choice; only two cores were measured. An embedding host is left alone: only <c>exgw gateway</c>
/// and the benchmark's gateway process call these, as they start.
/// </remarks>
public static class MallocArenas
{
    /// <summary>glibc's <c>M_ARENA_MAX</c> option of <c>mallopt</c> (malloc.h).</summary>
    private const int ArenaMaxOption = -8;

    /// <summary>glibc's tunable for the same cap, in <c>GLIBC_TUNABLES</c>.</summary>
    private const string Tunable = "glibc.malloc.arena_max";

    /// <summary>The environment variable through which glibc takes an arena limit at start (its tunable, when
    /// valid, overrides it).</summary>
    public const string Variable = "MALLOC_ARENA_MAX";

    /// <summary>
    /// The cap this process should have: on Linux with glibc, when its environment sets none glibc takes, one arena a
    /// processor, at least two; otherwise null.
    /// </summary>
    public static int? Wanted() => OperatingSystem.IsLinux() && IsGlibc()
        ? Wanted(StartEnvironment("/proc/self/environ"), Environment.ProcessorCount)
        : null;

    /// <summary>The decision over the entries (<c>NAME=value</c>) of an environment, duplicates included.</summary>
    /// <remarks>
    /// Only a cap glibc takes counts as set: a value it reads as a positive number, in either place. glibc 2.36 takes
    /// the first such value of the variable (one it ignores, empty or 0, leaves the next its turn), and a tunable
    /// taken wins over the variable wherever each stands; so any such value, anywhere, is a cap (checked with a C
    /// program counting <c>malloc_stats</c> arenas, the environment given whole to <c>execve</c>).
    /// </remarks>
    internal static int? Wanted(IReadOnlyList<string> environment, int processors)
    {
        var capped = environment.Any(entry => entry.Split('=', 2) switch
        {
            [Variable, var value] => IsPositive(value),
            ["GLIBC_TUNABLES", var tunables] => tunables.Split(':')
                .Any(tunable => tunable.Split('=', 2) is [Tunable, var value] && IsPositive(value)),
            _ => false,
        });
        return capped ? null : Math.Max(2, processors);
    }

    /// <summary>Every entry of the environment this process started with, as glibc read it: from
    /// <paramref name="block"/> (<c>/proc/self/environ</c>, which keeps duplicates), else the runtime's view of
    /// it.</summary>
    internal static List<string> StartEnvironment(string block)
    {
        try
        {
            return ProcessRestart.Strings(File.ReadAllBytes(block))
                .ConvertAll(entry => System.Text.Encoding.UTF8.GetString(entry));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                .Select(entry => $"{entry.Key}={entry.Value}").ToList();
        }
    }

    /// <summary>
    /// Whether glibc (2.36, <c>_dl_strtoul</c>) reads <paramref name="value"/> as a number above zero: blanks, a
    /// sign, then decimal, octal after a 0 or hexadecimal after 0x, up to the first other character.
    /// </summary>
    internal static bool IsPositive(string? value)
    {
        var text = (value ?? "").AsSpan().TrimStart(" \t");
        var negative = text.StartsWith("-");
        text = negative || text.StartsWith("+") ? text[1..] : text;
        var radix = text.StartsWith("0x") || text.StartsWith("0X") ? 16 : text.StartsWith("0") ? 8 : 10;
        text = radix == 16 ? text[2..] : text;
        var number = 0UL;
        foreach (var c in text)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? (char.ToLowerInvariant(c) - 'a') + 10
                : int.MaxValue;
            if (digit >= radix)
            {
                break;
            }

            // glibc takes a number too large for 64 bits as the largest.
            number = number > (ulong.MaxValue - (ulong)digit) / (ulong)radix
                ? ulong.MaxValue
                : (number * (ulong)radix) + (ulong)digit;
        }

        return (negative ? unchecked(0 - number) : number) != 0;
    }

    /// <summary>
    /// Replaces this process, on Linux, by the program it runs (<see cref="ProcessRestart"/>) with
    /// <c>MALLOC_ARENA_MAX</c> set to <paramref name="arenas"/>. Returns only when that failed or was not tried (the
    /// binary replaced since start, say), with the reason.
    /// </summary>
    public static string Restart(int arenas) => Restart(arenas, null);

    /// <summary>The same with the program to run given (tests give one that is not there).</summary>
    internal static string Restart(int arenas, string? program)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arenas, 1);
        return OperatingSystem.IsLinux()
            ? ProcessRestart.With(Variable, arenas.ToString(CultureInfo.InvariantCulture), program)
            : "only Linux has glibc's arenas";
    }

    /// <summary>
    /// Asks glibc to cap the arenas made from now on at <paramref name="arenas"/> (what <see cref="Wanted()"/> gave);
    /// returns that cap, or null when the C library refused or has no such option.
    /// </summary>
    public static int? Limit(int arenas) => Limit(arenas, SetOption);

    /// <summary>The fallback, apart from the process it runs in (tests give their own
    /// <paramref name="mallopt"/>).</summary>
    internal static int? Limit(int? wanted, Func<int, int, int> mallopt) =>
        wanted is { } arenas && mallopt(ArenaMaxOption, arenas) == 1 ? arenas : null;

    /// <summary>Whether the C library is glibc (musl, say, has no arenas to cap and ignores the variable).</summary>
    public static bool IsGlibc()
    {
        try
        {
            return NativeMethods.GlibcVersion() != IntPtr.Zero;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary><c>mallopt</c>: 1 when the C library took the option, 0 when it refused or has none.</summary>
    internal static int SetOption(int option, int value)
    {
        try
        {
            return NativeMethods.MallOpt(option, value);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
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

        /// <summary><c>const char *gnu_get_libc_version(void)</c>: glibc's own, so missing from other C
        /// libraries.</summary>
        [DllImport("libc", EntryPoint = "gnu_get_libc_version", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern IntPtr GlibcVersion();
    }
}
