namespace ExchangeGateway.Core.Tests.Support;

/// <summary>A fact that is skipped, and says why, when <c>openssl</c> is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class OpenSslFactAttribute : FactAttribute
{
    public OpenSslFactAttribute()
    {
        if (OpenSsl.Executable is null)
        {
            Skip = "openssl is not on PATH";
        }
    }
}
