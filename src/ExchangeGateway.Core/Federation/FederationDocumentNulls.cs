namespace ExchangeGateway.Core.Federation;

/// <summary>
/// Finds JSON nulls inside the lists of a federation document, which strict parsing lets through, so that a
/// document with them is refused with a clear error instead of failing later on a null entry.
/// </summary>
internal static class FederationDocumentNulls
{
    public static List<string> Find(FederationDocument document)
    {
        var errors = new List<string>();
        Check(errors, "certificateAuthorities", document.CertificateAuthorities);
        Check(errors, "revokedCertificates", document.RevokedCertificates);
        Check(errors, "members", document.Members);
        Check(errors, "gateways", document.Gateways);
        Check(errors, "timestampingAuthorities", document.TimestampingAuthorities);
        foreach (var (member, i) in document.Members.Select((m, i) => (m, i)).Where(m => m.m is not null))
        {
            Check(errors, $"members[{i}].subsystems", member.Subsystems);
            Check(errors, $"members[{i}].signingCertificates", member.SigningCertificates);
        }

        foreach (var (gateway, i) in document.Gateways.Select((g, i) => (g, i)).Where(g => g.g is not null))
        {
            Check(errors, $"gateways[{i}].tlsCertificates", gateway.TlsCertificates);
        }

        foreach (var (tsa, i) in document.TimestampingAuthorities.Select((t, i) => (t, i)).Where(t => t.t is not null))
        {
            Check(errors, $"timestampingAuthorities[{i}].certificates", tsa.Certificates);
        }

        return errors;
    }

    private static void Check<T>(List<string> errors, string where, IReadOnlyList<T?>? list)
    {
        if (list is null)
        {
            errors.Add($"{where}: must be a list, not null");
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                errors.Add($"{where}[{i}]: must not be null");
            }
        }
    }
}
