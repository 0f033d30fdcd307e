using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

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
/// stayed flat at the same throughput (README, section Benchmark). glibc reads the variable only when the process
/// starts, and the runtime's threads make their arenas before any managed code runs, so <see cref="Restart(int)"/>
/// replaces the process by the same program with the variable set (same process id, name, arguments, signal mask and
/// otherwise the same environment; the name of its diagnostics socket freed for the new runtime). <c>mallopt</c>, the
/// fallback (<see cref="Limit()"/>), caps only arenas made after the call: the 6 made before stayed in the benchmark's
/// gateways, which halved the growth the variable removed; and once a process has had nine arenas glibc has fixed its
/// limit and the call changes nothing, though it still succeeds. One per processor on larger machines is a choice; only
/// two cores were measured. An embedding host is left alone: only <c>exgw gateway</c> and the benchmark's gateway
/// process call these, as they start.
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
        ? Wanted(Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable("GLIBC_TUNABLES"),
            Environment.ProcessorCount)
        : null;

    /// <summary>The decision, apart from the process it runs in.</summary>
    internal static int? Wanted(string? variable, string? tunables, int processors)
    {
        // Only a cap glibc takes counts as set: a value it reads as a positive number, in either place.
        var tuned = (tunables ?? "").Split(':').Any(tunable => tunable.Split('=', 2) is [Tunable, var value]
            && IsPositive(value));
        return IsPositive(variable) || tuned ? null : Math.Max(2, processors);
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
    /// Replaces this process, on Linux, by the program it runs (same process id, arguments and environment) with
    /// <c>MALLOC_ARENA_MAX</c> set to <paramref name="arenas"/>. Returns only when that failed, with the reason.
    /// </summary>
    public static string Restart(int arenas) => Restart(arenas, null);

    /// <summary>The same with the program to run given (tests give one that is not there); by default the one this
    /// process runs, by the path it was started with when that holds a slash, so that it keeps its name.</summary>
    internal static string Restart(int arenas, string? program)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arenas, 1);
        if (!OperatingSystem.IsLinux())
        {
            return "only Linux has glibc's arenas";
        }

        byte[] arguments, environment;
        try
        {
            arguments = File.ReadAllBytes("/proc/self/cmdline");
            environment = File.ReadAllBytes("/proc/self/environ");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }

        var argv = Strings(arguments);
        if (argv.Count == 0)
        {
            return "/proc/self/cmdline is empty";
        }

        if (program is null)
        {
            var started = Encoding.UTF8.GetString(argv[0]);
            program = started.Contains('/', StringComparison.Ordinal) ? started : Environment.ProcessPath;
            if (program is null)
            {
                return "the path of this program is unknown";
            }

            // A binary deleted or replaced since this process started is not run in its place.
            var running = RealPath("/proc/self/exe");
            if (running is null || running != RealPath(program))
            {
                return $"'{program}' is no longer the program this process runs";
            }
        }

        if (!File.Exists(program))
        {
            return $"this program is not found at '{program}'";
        }

        var envp = WithCap(Strings(environment), arenas);
        var pointers = new List<IntPtr>();
        try
        {
            var path = Pointers([Encoding.UTF8.GetBytes(program)], pointers)[0];
            var argvPointers = Pointers(argv, pointers);
            var envpPointers = Pointers(envp, pointers);

            // The runtime's diagnostics server listens on a socket named by process id and start time, which the
            // new runtime must bind again (dotnet-counters, dotnet-trace): the name is freed for it.
            var freed = FreeDiagnosticsSocket();
            _ = NativeMethods.Execute(path, argvPointers, envpPointers);
            var reason = $"execve: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
            return freed ? reason + "; .NET's diagnostic tools no longer find this process" : reason;
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return ex.Message;
        }
        finally
        {
            pointers.ForEach(Marshal.FreeHGlobal);
        }
    }

    /// <summary>
    /// Asks glibc, on Linux, to cap the arenas made from now on when the environment sets no cap; returns the cap
    /// asked for, or null when none was (another system, a cap in the environment, or a C library that refused).
    /// </summary>
    public static int? Limit() => Limit(Wanted(), SetOption);

    /// <summary>The fallback, apart from the process it runs in (tests give their own
    /// <paramref name="mallopt"/>).</summary>
    internal static int? Limit(int? wanted, Func<int, int, int> mallopt) =>
        wanted is { } arenas && mallopt(ArenaMaxOption, arenas) == 1 ? arenas : null;

    /// <summary>The strings of a block such as <c>/proc/self/environ</c>: each ends in a NUL byte, which is
    /// dropped; bytes are kept as they are, whatever their encoding.</summary>
    internal static List<byte[]> Strings(ReadOnlySpan<byte> block)
    {
        var strings = new List<byte[]>();
        while (!block.IsEmpty)
        {
            var end = block.IndexOf((byte)0);
            var length = end < 0 ? block.Length : end;
            strings.Add(block[..length].ToArray());
            block = block[Math.Min(block.Length, length + 1)..];
        }

        return strings;
    }

    /// <summary>The environment <paramref name="entries"/> with the variable set to <paramref name="arenas"/>, in
    /// place of any value it had.</summary>
    internal static List<byte[]> WithCap(List<byte[]> entries, int arenas)
    {
        var prefix = Encoding.ASCII.GetBytes(Variable + "=");
        var result = entries.Where(e => !e.AsSpan().StartsWith(prefix)).ToList();
        result.Add(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Variable}={arenas}")));
        return result;
    }

    /// <summary>Removes the name of this process's diagnostics socket (<c>dotnet-diagnostic-PID-START-socket</c> in
    /// the temporary folder, START the process's start time in clock ticks); whether there was one.</summary>
    private static bool FreeDiagnosticsSocket()
    {
        try
        {
            // /proc/self/stat: "PID (NAME) STATE ...", the start time the 22nd field, the 20th after the name.
            var stat = File.ReadAllText("/proc/self/stat");
            var start = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
            var socket = Path.Combine(Path.GetTempPath(), $"dotnet-diagnostic-{Environment.ProcessId}-{start}-socket");
            if (!File.Exists(socket))
            {
                return false;
            }

            File.Delete(socket);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            // Without diagnostics the gateway still runs; the restart goes on.
            return false;
        }
    }

    /// <summary><c>realpath</c>: the file's absolute path, links resolved, or null when there is none (for
    /// <c>/proc/self/exe</c> once its file is deleted or replaced).</summary>
    private static string? RealPath(string path)
    {
        var resolved = NativeMethods.RealPath(Encoding.UTF8.GetBytes(path + "\0"), IntPtr.Zero);
        if (resolved == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            var text = Marshal.PtrToStringUTF8(resolved);
            return text is not null && File.Exists(text) ? text : null;
        }
        finally
        {
            NativeMethods.Free(resolved);
        }
    }

    /// <summary>A NULL-terminated array of C strings, each allocated into <paramref name="allocated"/>.</summary>
    private static IntPtr[] Pointers(List<byte[]> strings, List<IntPtr> allocated)
    {
        var pointers = new IntPtr[strings.Count + 1];
        for (var i = 0; i < strings.Count; i++)
        {
            var pointer = Marshal.AllocHGlobal(strings[i].Length + 1);
            allocated.Add(pointer);
            Marshal.Copy(strings[i], 0, pointer, strings[i].Length);
            Marshal.WriteByte(pointer, strings[i].Length, 0);
            pointers[i] = pointer;
        }

        return pointers;
    }

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

        /// <summary><c>const char *gnu_get_libc_version(void)</c>: glibc's own, so missing from other C
        /// libraries.</summary>
        [DllImport("libc", EntryPoint = "gnu_get_libc_version", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern IntPtr GlibcVersion();

        /// <summary><c>char *realpath(const char *path, char *resolved)</c>: with a null buffer, one it allocates,
        /// or null; the path NUL-terminated UTF-8.</summary>
        [DllImport("libc", EntryPoint = "realpath", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern IntPtr RealPath(byte[] path, IntPtr resolved);

        /// <summary><c>void free(void *pointer)</c>.</summary>
        [DllImport("libc", EntryPoint = "free", ExactSpelling = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern void Free(IntPtr pointer);

        /// <summary><c>int execve(const char *path, char *const argv[], char *const envp[])</c>: returns -1 and
        /// sets errno only when it failed.</summary>
        [DllImport("libc", EntryPoint = "execve", ExactSpelling = true, SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int Execute(IntPtr path, IntPtr[] argv, IntPtr[] envp);
    }
}
