using System.Runtime.InteropServices;
using System.Text;

namespace ExchangeGateway.Host;

/// <summary>
/// Replaces this process, on Linux, by the program it runs with one environment variable set: the same process id,
/// name, arguments (<c>/proc/self/cmdline</c>), signal mask and otherwise the same environment
/// (<c>/proc/self/environ</c>, byte for byte), and the name of the runtime's diagnostics socket freed for the new
/// runtime. For what a process reads only as it starts (<see cref="MallocArenas"/>).
/// </summary>
public static class ProcessRestart
{
    /// <summary>
    /// Runs this process's program again in its place with <paramref name="name"/> set to <paramref name="value"/>;
    /// returns only when that failed or was not tried, with the reason.
    /// </summary>
    public static string With(string name, string value) => With(name, value, null);

    /// <summary>The same with the program to run given (tests give one that is not there, or cannot run), which
    /// skips the check that it is still the program this process runs; by default the one this process runs, by the
    /// path it was started with when that holds a slash, so that it keeps its name.</summary>
    internal static string With(string name, string value, string? program)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal)
            || value.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("An environment variable's name holds no '=' and neither part a NUL.");
        }

        if (!OperatingSystem.IsLinux())
        {
            return "only Linux is restarted this way";
        }

        byte[] arguments, environment;
        string[] maps;
        try
        {
            arguments = File.ReadAllBytes("/proc/self/cmdline");
            environment = File.ReadAllBytes("/proc/self/environ");
            maps = File.ReadAllLines("/proc/self/maps");
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

            // A binary deleted or replaced since this process started is not run in its place; nor is this program
            // when its assembly is, as the runtime would load the new one (under `dotnet exgw.dll` the binary is
            // the runtime's host, which no upgrade of the gateway replaces).
            var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location ?? "";
            if ((NotRunning(program, "/proc/self/exe") ?? Replaced(entry, maps) ?? Elsewhere(entry, argv)) is
                { } stale)
            {
                return stale;
            }
        }

        if (!File.Exists(program))
        {
            return $"this program is not found at '{program}'";
        }

        var envp = Set(Strings(environment), name, value);
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

    /// <summary>The environment <paramref name="entries"/> with variable <paramref name="name"/> set to
    /// <paramref name="value"/>, in place of any value it had.</summary>
    internal static List<byte[]> Set(List<byte[]> entries, string name, string value)
    {
        var prefix = Encoding.UTF8.GetBytes(name + "=");
        var result = entries.Where(e => !e.AsSpan().StartsWith(prefix)).ToList();
        result.Add(Encoding.UTF8.GetBytes($"{name}={value}"));
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

    /// <summary>Why <paramref name="program"/> is not the file <paramref name="running"/> names, links resolved
    /// (<c>/proc/self/exe</c> names none once the file it ran is deleted or replaced); null when it is.</summary>
    internal static string? NotRunning(string program, string running)
    {
        var runs = RealPath(running);
        return runs is null || runs != RealPath(program)
            ? $"'{program}' is no longer the program this process runs"
            : null;
    }

    /// <summary>Why the assembly file <paramref name="assembly"/> is no longer the one this process loaded: the
    /// runtime maps the file, and <paramref name="maps"/> (the lines of <c>/proc/self/maps</c>) marks the mapping
    /// <c>(deleted)</c> once the file is deleted or another is renamed over it, as an upgrade does; null when no
    /// mapping of it is so marked, or there is no such file (a single-file program: an empty path).</summary>
    internal static string? Replaced(string assembly, IEnumerable<string> maps)
    {
        if (assembly.Length == 0)
        {
            return null;
        }

        var deleted = assembly + " (deleted)";
        return maps.Any(line => MappedPath(line) == deleted)
            ? $"'{assembly}' is no longer the assembly this process runs"
            : null;
    }

    /// <summary>Why the assembly the arguments name (the first that ends in <c>.dll</c>, as <c>dotnet exgw.dll</c>
    /// or <c>dotnet exec ... exgw.dll</c> names it) is not <paramref name="assembly"/>, links resolved: a link on its
    /// way switched to another version since this process started; null when it is, or no argument names one (a
    /// program started by its own executable, which <see cref="NotRunning"/> checks).</summary>
    internal static string? Elsewhere(string assembly, IReadOnlyList<byte[]> argv)
    {
        var named = argv.Skip(1).Select(a => Encoding.UTF8.GetString(a))
            .FirstOrDefault(a => a.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        if (named is null || assembly.Length == 0)
        {
            return null;
        }

        var runs = RealPath(assembly);
        return runs is null || runs != RealPath(named)
            ? $"'{named}' is no longer the assembly this process runs"
            : null;
    }

    /// <summary>The path a line of <c>/proc/self/maps</c> ends with: everything after its first five fields
    /// (address, permissions, offset, device, inode), spaces in it kept; empty for an anonymous mapping.</summary>
    private static string MappedPath(string line)
    {
        var rest = line.AsSpan();
        for (var field = 0; field < 5; field++)
        {
            rest = rest.TrimStart(' ');
            var end = rest.IndexOf(' ');
            rest = end < 0 ? [] : rest[end..];
        }

        return rest.TrimStart(' ').ToString();
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
            return Marshal.PtrToStringUTF8(resolved);
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

    private static class NativeMethods
    {
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
