using System.Diagnostics;
using System.Globalization;
using ExchangeGateway.Core.Archives;

namespace ExchangeGateway.Cli.Commands;

/// <summary>A one-line progress bar on standard error, redrawn at most four times a second.</summary>
internal sealed class ProgressBar : IProgress<ArchiveProgress>
{
    private const int Width = 30;
    private readonly Stopwatch _sinceDrawn = Stopwatch.StartNew();
    private bool _drawn;

    /// <summary>A bar when standard error is a terminal; null when it is redirected (logs, pipes, tests).</summary>
    public static ProgressBar? ForStandardError() => Console.IsErrorRedirected ? null : new ProgressBar();

    public void Report(ArchiveProgress value)
    {
        if (_sinceDrawn.ElapsedMilliseconds < 250 && value.Checked < value.Total)
        {
            return;
        }

        _sinceDrawn.Restart();
        var share = value.Total == 0 ? 1 : Math.Min(1, (double)value.Checked / value.Total);
        var filled = (int)(share * Width);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', Width - filled)}] {share:P0} " +
            $"{value.Checked:N0}/{value.Total:N0} records"));
        _drawn = true;
    }

    public void Finish()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
        }
    }
}
