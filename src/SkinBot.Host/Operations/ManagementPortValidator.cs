using Microsoft.Extensions.Options;

namespace SkinBot.Host.Operations;

/// <summary>
/// Refuses a management listener on a port the public listener also uses: requests are told apart by port, so the public
/// would then be served <c>/metrics</c>. Registered by the host, which alone knows the public ports.
/// </summary>
internal sealed class ManagementPortValidator(IReadOnlyCollection<int> publicPorts) : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options) =>
        ManagementUrls.Ports(options.ManagementUrls).Any(publicPorts.Contains)
            ? ValidateOptionsResult.Fail("Operations:ManagementUrls must use ports the public listener does not use (Urls, ASPNETCORE_URLS, *_HTTP_PORTS, Kestrel:Endpoints).")
            : ValidateOptionsResult.Success;
}
