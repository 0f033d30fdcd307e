namespace ExchangeGateway.Host.Tests;

/// <summary>How <see cref="ProcessRestart"/> builds the new program's arguments and environment and checks the
/// program it runs; the restart itself is tested through <see cref="MallocArenas"/> here and <c>exgw gateway</c> as a
/// child process (Cli tests). Linux only, as the restart is: the checks read <c>/proc</c>.</summary>
public sealed class ProcessRestartTests
{
    [Fact]
    public void Strings_SplitAProcBlockAtItsNulBytes_KeepingEmptyOnesAndAnyEncoding()
    {
        byte[] block = [(byte)'a', 0, 0, 0xFF, (byte)'b', 0, (byte)'c'];

        var strings = ProcessRestart.Strings(block);

        Assert.Equal([[(byte)'a'], [], [0xFF, (byte)'b'], [(byte)'c']], strings);
        Assert.Empty(ProcessRestart.Strings([]));
    }

    [Fact]
    public void Set_ReplacesAnyValueOfTheVariable_AndKeepsEveryOtherEntryAsItWas()
    {
        List<byte[]> entries = [[.. "PATH=/bin"u8], [.. "MALLOC_ARENA_MAX=0"u8], [.. "MALLOC_ARENA_MAXIMUM=1"u8],
            [0xFF, (byte)'=', (byte)'x']];

        var result = ProcessRestart.Set(entries, "MALLOC_ARENA_MAX", "4");

        Assert.Equal([entries[0], entries[2], entries[3], [.. "MALLOC_ARENA_MAX=4"u8]], result);
    }

    [Theory]
    [InlineData("A=B", "1")]
    [InlineData("A\0B", "1")]
    [InlineData("A", "1\0")]
    public void With_ANameOrValueTheEnvironmentCannotHold_IsRefused(string name, string value)
    {
        Assert.Throws<ArgumentException>(() => ProcessRestart.With(name, value));
    }

    [Fact]
    public void NotRunning_ThisProcessesOwnProgram_IsNothing()
    {
        Assert.Null(ProcessRestart.NotRunning(Environment.ProcessPath!, "/proc/self/exe"));
    }

    [Fact]
    public void NotRunning_ALinkToTheFile_IsNothing_AnotherFileOrOneReplaced_IsTheReason()
    {
        var folder = Directory.CreateTempSubdirectory("exgw-restart-");
        try
        {
            var running = Path.Combine(folder.FullName, "exgw");
            var other = Path.Combine(folder.FullName, "exgw.new");
            var link = Path.Combine(folder.FullName, "gw");
            File.WriteAllText(running, "running");
            File.WriteAllText(other, "replacement");
            File.CreateSymbolicLink(link, running);

            Assert.Null(ProcessRestart.NotRunning(link, running));
            Assert.Equal($"'{other}' is no longer the program this process runs",
                ProcessRestart.NotRunning(other, running));

            // An open file's /proc link behaves as /proc/self/exe does: replaced by rename, as an upgrade does, the
            // file held open has no name any more, and the new file at the same path is not it.
            using var held = File.OpenRead(running);
            var opened = $"/proc/self/fd/{held.SafeFileHandle.DangerousGetHandle()}";
            Assert.Null(ProcessRestart.NotRunning(running, opened));
            File.Move(other, running, overwrite: true);
            Assert.Equal($"'{running}' is no longer the program this process runs",
                ProcessRestart.NotRunning(running, opened));
            Assert.Equal($"'{link}' is no longer the program this process runs",
                ProcessRestart.NotRunning(link, opened));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Replaced_ThisProcessesOwnAssemblies_AreNot()
    {
        var maps = File.ReadAllLines("/proc/self/maps");

        Assert.Null(ProcessRestart.Replaced(typeof(ProcessRestart).Assembly.Location, maps));
        Assert.Null(ProcessRestart.Replaced(typeof(ProcessRestartTests).Assembly.Location, maps));
        Assert.Null(ProcessRestart.Replaced("", maps));
    }

    [Fact]
    public void Replaced_AMappedFileRenamedOver_IsTheReason_AnotherFile_IsNot()
    {
        var folder = Directory.CreateTempSubdirectory("exgw restart "); // a space in the path, as maps keeps it
        try
        {
            var assembly = Path.Combine(folder.FullName, "exgw.dll");
            var other = Path.Combine(folder.FullName, "exgw.dll.new");
            File.WriteAllBytes(assembly, new byte[4096]);
            File.WriteAllBytes(other, new byte[4096]);

            // Mapped as the runtime maps an assembly: shared, read-only, from the file.
            using (var mapped = System.IO.MemoryMappedFiles.MemoryMappedFile.CreateFromFile(
                       assembly, FileMode.Open, null, 0, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read))
            using (mapped.CreateViewAccessor(0, 0, System.IO.MemoryMappedFiles.MemoryMappedFileAccess.Read))
            {
                Assert.Null(ProcessRestart.Replaced(assembly, File.ReadAllLines("/proc/self/maps")));
                File.Move(other, assembly, overwrite: true);

                Assert.Equal($"'{assembly}' is no longer the assembly this process runs",
                    ProcessRestart.Replaced(assembly, File.ReadAllLines("/proc/self/maps")));
                Assert.Null(ProcessRestart.Replaced(other, File.ReadAllLines("/proc/self/maps")));
            }

            Assert.Null(ProcessRestart.Replaced(assembly, File.ReadAllLines("/proc/self/maps")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Elsewhere_TheAssemblyNamedThroughALink_IsNothing_UntilTheLinkIsSwitched()
    {
        var folder = Directory.CreateTempSubdirectory("exgw-restart-");
        try
        {
            var first = Directory.CreateDirectory(Path.Combine(folder.FullName, "1.0")).FullName;
            var second = Directory.CreateDirectory(Path.Combine(folder.FullName, "1.1")).FullName;
            File.WriteAllText(Path.Combine(first, "exgw.dll"), "1.0");
            File.WriteAllText(Path.Combine(second, "exgw.dll"), "1.1");
            var current = Path.Combine(folder.FullName, "current");
            File.CreateSymbolicLink(current, first);
            var loaded = Path.Combine(first, "exgw.dll");
            List<byte[]> argv = [[.. "dotnet"u8], [.. "exec"u8], [.. "--roll-forward"u8], [.. "Major"u8],
                System.Text.Encoding.UTF8.GetBytes(Path.Combine(current, "exgw.dll")), [.. "gateway"u8]];

            Assert.Null(ProcessRestart.Elsewhere(loaded, argv));
            Assert.Null(ProcessRestart.Elsewhere(loaded, [[.. "/opt/exgw/exgw"u8], [.. "gateway"u8]]));
            File.Delete(current);
            File.CreateSymbolicLink(current, second);

            Assert.Equal($"'{Path.Combine(current, "exgw.dll")}' is no longer the assembly this process runs",
                ProcessRestart.Elsewhere(loaded, argv));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
