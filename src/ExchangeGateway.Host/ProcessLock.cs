namespace ExchangeGateway.Host;

/// <summary>
/// A lock file held open, and locked, for as long as one user of what it guards runs: a second user, in this process
/// or another, is refused instead of writing beside the first. The operating system releases the lock when its
/// holder ends, however it ends; the file left behind locks nothing.
/// </summary>
/// <remarks>
/// .NET locks a file opened with <see cref="FileShare.None"/> against every other such opening (<c>flock</c> on
/// Linux, the sharing mode on Windows). SQLite's own locks are others, so readers of a log (an auditor's tools)
/// are not kept out.
/// </remarks>
public sealed class ProcessLock : IDisposable
{
    private readonly FileStream _file;

    private ProcessLock(FileStream file) => _file = file;

    /// <summary>Takes the lock at <paramref name="path"/> (creating the file and its folder when missing); throws
    /// an <see cref="IOException"/> saying <paramref name="held"/> when another holds it.</summary>
    public static ProcessLock Take(string path, string held)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            return new ProcessLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new IOException($"{held} (it holds {path})", ex);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
