using System.Buffers.Text;
using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using ExchangeGateway.Host.Configuration;

namespace ExchangeGateway.Cli.Commands;

/// <summary>
/// <c>exgw audit key --name N --role R</c>: a new random API key, shown once, and the settings entry that holds
/// only its hash.
/// </summary>
internal static class AuditKeyCommand
{

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who holds the key, e.g. auditor-1", Required = true };
        var role = new Option<string>("--role") { Description = "auditor, security-officer or observer" };
        role.Required = true;
        role.AcceptOnlyFromAmong([.. AuditSettingsCheck.Roles.Keys]);
        var output = new Option<FileInfo?>("--out")
        {
            Description = "Write the key to this new file (owner-only) instead of printing it",
        };
        var command = new Command("key", "Make a new audit API key (32 random bytes, base64url)")
        {
            name, role, output,
        };
        command.SetAction(parse => Run(parse.GetValue(name)!, parse.GetValue(role)!, parse.GetValue(output),
            parse.InvocationConfiguration));
        return command;
    }

    private static int Run(string name, string role, FileInfo? output, InvocationConfiguration console)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            console.Error.WriteLine("--name: must not be empty");
            return 2;
        }

        var key = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        if (output is null)
        {
            console.Output.WriteLine($"API key for {name} (shown this once; the gateway keeps only its hash):");
            console.Output.WriteLine(key);
        }
        else if (output.Directory is { Exists: false } folder)
        {
            console.Error.WriteLine($"--out {output.FullName}: no such folder {folder.FullName}");
            return 2;
        }
        else if (!TryWrite(output.FullName, key))
        {
            console.Error.WriteLine($"{output.FullName} exists; choose another --out or remove it");
            return 2;
        }
        else
        {
            console.Output.WriteLine($"API key for {name} written to {output.FullName}");
        }

        var hash = Convert.ToHexStringLower(AuditKey.HashOf(key));
        var entry = new AuditKeySettings { Name = name, Role = role, Sha256 = hash };
        console.Output.WriteLine("Add to the \"keys\" of the gateway settings' \"audit\" section:");
        console.Output.WriteLine(JsonSerializer.Serialize(entry, Json));
        return 0;
    }

    /// <summary>Writes the key to a new owner-only file; false when something already has that name.</summary>
    private static bool TryWrite(string path, string key)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.WriteLine(key);
            return true;
        }
        catch (IOException) when (File.Exists(path) || Directory.Exists(path))
        {
            return false;
        }
    }
}
