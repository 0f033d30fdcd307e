using System.Security.Cryptography;
using System.Text;

namespace ExchangeGateway.Core.Subjects;

/// <summary>
/// The gateway's secret for data subjects: the log keeps HMAC-SHA-256(key, identifier) instead of the identifier,
/// so the person can be found again by whoever holds the key, and by no one else.
/// </summary>
/// <remarks>
/// Identifiers are compared after trimming, Unicode normalisation form C and upper-casing, so that
/// <c>ab 123</c> and <c>AB 123</c> name the same person.
/// </remarks>
public sealed class SubjectKey
{
    /// <summary>The longest identifier accepted.</summary>
    public const int MaxLength = 256;

    private readonly byte[] _key;

    /// <summary>Creates the key from at least 32 secret bytes.</summary>
    public SubjectKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 32)
        {
            throw new ArgumentException("a subject key needs at least 32 bytes", nameof(key));
        }

        _key = key.ToArray();
    }

    /// <summary>Reads an existing key file; throws <see cref="FileNotFoundException"/> when there is none.</summary>
    public static SubjectKey Load(string path) => new(File.ReadAllBytes(path));

    /// <summary>Reads the key file, or makes one with 32 random bytes (owner-only) when it does not exist.</summary>
    public static SubjectKey LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var file = new FileStream(path, options);
            file.Write(RandomNumberGenerator.GetBytes(32));
        }

        return new SubjectKey(File.ReadAllBytes(path));
    }

    /// <summary>Checks an identifier as sent; null when acceptable, otherwise why not.</summary>
    public static string? Check(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var trimmed = identifier.Trim();
        if (trimmed.Length == 0)
        {
            return "is empty";
        }

        if (trimmed.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        return trimmed.Any(char.IsControl) ? "contains a control character" : null;
    }

    /// <summary>The keyed hash of <paramref name="identifier"/>.</summary>
    public byte[] Hash(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var canonical = identifier.Trim().Normalize(NormalizationForm.FormC).ToUpperInvariant();
        return HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(canonical));
    }
}
