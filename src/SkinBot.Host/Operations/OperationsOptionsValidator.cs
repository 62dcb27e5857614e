using Microsoft.Extensions.Options;
using SkinBot.Host.Networking;

namespace SkinBot.Host.Operations;

/// <summary>Stops the host at start-up when the metrics allow-list or the management listener is not usable, naming the key.</summary>
internal sealed class OperationsOptionsValidator : IValidateOptions<OperationsOptions>
{
    public ValidateOptionsResult Validate(string? name, OperationsOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.MetricsAllowedNetworks.Count; i++)
        {
            if (!NetworkList.TryParseEntry(options.MetricsAllowedNetworks[i], out _))
            {
                errors.Add(
                    $"Operations:MetricsAllowedNetworks:{i} must be an IP address such as 10.0.0.5 " +
                    "or a network such as 10.0.0.0/8 whose address has no bits set past the prefix.");
            }
        }

        var urls = ManagementUrls.Split(options.ManagementUrls);
        for (var i = 0; i < urls.Count; i++)
        {
            if (!ManagementUrls.TryGetPort(urls[i], out _))
            {
                errors.Add(
                    $"Operations:ManagementUrls (entry {i + 1}) must be an http or https URL with a port of its own and no path, " +
                    "such as http://0.0.0.0:9090; several are separated by ';'.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
