using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace SkinBot.Host;

/// <summary>
/// Where the host listens. Any of ASP.NET Core's own settings decides, so containers and platforms that set
/// <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> and the like reach the bot; only when none is given does SkinBot
/// bind <see cref="DefaultUrl"/>, the address the README promises, which stays private to the machine.
/// </summary>
internal static class ListenUrls
{
    public const string DefaultUrl = "http://localhost:5080";

    private const string KestrelEndpointsSection = "Kestrel:Endpoints";

    /// <summary>The setting that decides, in the order Kestrel itself honours them.</summary>
    /// <remarks>
    /// The web host merges <c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c> and a <c>Urls</c> key into one
    /// <c>urls</c> setting, and the <c>*_HTTP_PORTS</c>/<c>*_HTTPS_PORTS</c> variables into <c>http_ports</c>/<c>https_ports</c>.
    /// </remarks>
    public static ListenSource SourceOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection(KestrelEndpointsSection).GetChildren().Any())
        {
            return ListenSource.KestrelEndpoints;
        }

        if (!string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey]))
        {
            return ListenSource.Urls;
        }

        if (!string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey]) || !string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            return ListenSource.Ports;
        }

        return ListenSource.Default;
    }

    /// <summary>Binds <see cref="DefaultUrl"/> when nothing else says where to listen; otherwise leaves the platform's choice alone.</summary>
    public static void Apply(IConfiguration configuration, IWebHostBuilder webHost)
    {
        ArgumentNullException.ThrowIfNull(webHost);
        if (SourceOf(configuration) == ListenSource.Default)
        {
            webHost.UseUrls(DefaultUrl);
        }
    }
}

/// <summary>Which setting chose the public listen addresses.</summary>
internal enum ListenSource
{
    /// <summary>Nothing was set: <see cref="ListenUrls.DefaultUrl"/>.</summary>
    Default,

    /// <summary><c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>DOTNET_URLS</c> or a <c>Urls</c> key.</summary>
    Urls,

    /// <summary><c>ASPNETCORE_HTTP_PORTS</c>, <c>HTTP_PORTS</c>, <c>ASPNETCORE_HTTPS_PORTS</c> and their <c>DOTNET_</c> spellings.</summary>
    Ports,

    /// <summary><c>Kestrel:Endpoints</c>, which Kestrel prefers over both of the above.</summary>
    KestrelEndpoints,
}
