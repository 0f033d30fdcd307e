using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ExchangeGateway.Core.Archives;
using ExchangeGateway.Core.Federation;
using ExchangeGateway.Host.Configuration;
using Microsoft.Extensions.Logging;

namespace ExchangeGateway.Host.Federation;

/// <summary>
/// The federation configuration a gateway works with: verified against the pinned anchor, swapped whole when the
/// files change, and kept at the last good version when a new one is refused.
/// </summary>
public sealed class FederationState : IDisposable
{
    private readonly FederationFiles _files;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly object _reloadLock = new();
    private ITimer? _timer;
    private byte[] _loadedDigest = [];
    private volatile FederationConfiguration? _current;
    private volatile SignedFederation? _signed;

    /// <summary>Creates the state; call <see cref="Reload"/> or <see cref="Start"/> to load.</summary>
    public FederationState(FederationFiles files, TimeProvider time, ILogger<FederationState> logger)
    {
        _files = files;
        _time = time;
        _logger = logger;
    }

    /// <summary>The last good configuration, or null when none was ever accepted.</summary>
    public FederationConfiguration? Current => _current;

    /// <summary>The last good configuration with the bytes the authority signed: what archives carry.</summary>
    public SignedFederation? CurrentSigned => _signed;

    /// <summary>Loads now and then looks for changes every <see cref="FederationFiles.ReloadInterval"/>.</summary>
    public void Start()
    {
        Reload();
        _timer = _time.CreateTimer(_ => Reload(), null, _files.ReloadInterval, _files.ReloadInterval);
    }

    /// <summary>Reads the files; swaps in the new version when it verifies, else keeps the last good one.</summary>
    /// <returns>True when a new version was accepted.</returns>
    public bool Reload()
    {
        lock (_reloadLock)
        {
            byte[] document;
            byte[] signature;
            X509Certificate2Collection anchors;
            try
            {
                document = File.ReadAllBytes(_files.Document);
                signature = File.ReadAllBytes(_files.Signature);
                anchors = [];
                anchors.ImportFromPemFile(_files.Anchor);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
            {
                Refused(ex.Message);
                return false;
            }

            var digest = SHA256.HashData([.. document, .. signature]);
            if (digest.AsSpan().SequenceEqual(_loadedDigest))
            {
                return false;
            }

            return Accept(document, signature, anchors, digest);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer?.Dispose();

    /// <summary>Says the files were refused, which files, and what stays in force.</summary>
    private void Refused(string reason) => Log.FederationRefused(_logger, _files.Document, reason,
        _current is { } current
            ? $"serial {current.Document.Serial}, expiring at {current.ExpiresAt:O}, stays in force"
            : "none is in force: every call is refused until a valid one is loaded");

    private bool Accept(byte[] document, byte[] signature, X509Certificate2Collection anchors, byte[] digest)
    {
        var now = _time.GetUtcNow();
        if (!FederationConfigurationReader.TryRead(document, signature, anchors, now, out var next, out var errors))
        {
            Refused(string.Join("; ", errors));
            _loadedDigest = digest;
            return false;
        }

        if (next.IsExpired(now))
        {
            Refused($"configuration serial {next.Document.Serial} expired at {next.ExpiresAt:O}");
            _loadedDigest = digest;
            return false;
        }

        _signed = new SignedFederation(document, signature, next);
        _current = next;
        _loadedDigest = digest;
        Log.FederationLoaded(_logger, next.Document.Serial, next.Instance, next.ExpiresAt);
        return true;
    }
}
