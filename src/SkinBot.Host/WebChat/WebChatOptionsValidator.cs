using Microsoft.Extensions.Options;
using SkinBot.Host.Networking;
using SkinBot.Host.Startup;

namespace SkinBot.Host.WebChat;

/// <summary>Stops the host at start-up when a trusted proxy is not an address or a network, naming the key and the entry.</summary>
internal sealed class WebChatOptionsValidator : IValidateOptions<WebChatOptions>
{
    public ValidateOptionsResult Validate(string? name, WebChatOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (!NetworkList.TryParseEntry(options.TrustedProxies[i], out _))
            {
                // Proxy addresses are not secrets; quoting the entry tells the operator which one to fix.
                errors.Add(
                    $"WebChat:TrustedProxies:{i} (\"{options.TrustedProxies[i]}\") must be an IP address such as 10.0.0.5 " +
                    "or a network such as 10.0.0.0/8 whose address has no bits set past the prefix.");
            }
        }

        if (options.SigningKey is { } key && !Base64Key.TryDecode(key, WebChatSecret.KeyBytes, out _))
        {
            // Never quoted: it is a secret.
            errors.Add($"WebChat:SigningKey must be base64 of at least {WebChatSecret.KeyBytes} bytes (e.g. `openssl rand -base64 32`).");
        }

        if (!Enum.IsDefined(options.ForwardedHeader))
        {
            errors.Add("WebChat:ForwardedHeader must be XForwardedFor or Forwarded.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
