using ExchangeGateway.Core.Tests.Support;

namespace ExchangeGateway.Core.Tests.Timestamping;

/// <summary>A theory that is skipped, and says why, when <c>openssl</c> is not on PATH.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class OpenSslTheoryAttribute : TheoryAttribute
{
    public OpenSslTheoryAttribute()
    {
        if (OpenSsl.Executable is null)
        {
            Skip = "openssl is not on PATH";
        }
    }
}
