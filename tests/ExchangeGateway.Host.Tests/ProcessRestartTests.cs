namespace ExchangeGateway.Host.Tests;

/// <summary>How <see cref="ProcessRestart"/> builds the new program's arguments and environment; the restart itself
/// is tested through <see cref="MallocArenas"/> here and <c>exgw gateway</c> as a child process (Cli tests).</summary>
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
}
