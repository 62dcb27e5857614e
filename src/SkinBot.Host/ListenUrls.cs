using SkinBot.Host.Operations;

namespace SkinBot.Host;

/// <summary>
/// Where the host listens. Any of ASP.NET Core's own settings decides, so containers and platforms that set
/// <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c> and the like reach the bot; only when none is given does SkinBot
/// bind <see cref="DefaultUrl"/>, the address the README promises, which stays private to the machine. A management
/// listener (<c>Operations:ManagementUrls</c>) is bound beside whichever public addresses those are.
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

    /// <summary>The public addresses the platform's settings (or the default) give, and the management ones.</summary>
    public static ListenPlan Plan(IConfiguration configuration)
    {
        var source = SourceOf(configuration);
        IReadOnlyList<string> publicUrls = source switch
        {
            ListenSource.KestrelEndpoints => [.. configuration.GetSection(KestrelEndpointsSection).GetChildren()
                .Select(endpoint => endpoint["Url"]).OfType<string>()],
            ListenSource.Urls => Split(configuration[WebHostDefaults.ServerUrlsKey]),
            // The same spelling the web host gives the ports when it reads them itself.
            ListenSource.Ports => [.. Split(configuration[WebHostDefaults.HttpPortsKey]).Select(port => $"http://*:{port}")
                .Concat(Split(configuration[WebHostDefaults.HttpsPortsKey]).Select(port => $"https://*:{port}"))],
            _ => [DefaultUrl],
        };
        var management = ManagementUrls.Split(configuration[$"{OperationsOptions.SectionName}:{nameof(OperationsOptions.ManagementUrls)}"])
            .Where(url => ManagementUrls.TryGetPort(url, out _))
            .ToList();
        return new ListenPlan(source, publicUrls, management);
    }

    /// <summary>
    /// Leaves the platform's choice alone unless there is nothing to leave (then <see cref="DefaultUrl"/>) or a management
    /// listener must be added to it: as another Kestrel endpoint when those decide, else by listing both in <c>urls</c>.
    /// </summary>
    public static void Apply(ListenPlan plan, IConfigurationBuilder configuration, IWebHostBuilder webHost)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(webHost);
        if (plan.ManagementUrls.Count == 0)
        {
            if (plan.Source == ListenSource.Default)
            {
                webHost.UseUrls(DefaultUrl);
            }

            return;
        }

        if (plan.Source == ListenSource.KestrelEndpoints)
        {
            configuration.AddInMemoryCollection(plan.ManagementUrls.Select((url, i) =>
                KeyValuePair.Create($"{KestrelEndpointsSection}:SkinBotManagement{i}:Url", (string?)url)));
            return;
        }

        webHost.UseUrls([.. plan.PublicUrls, .. plan.ManagementUrls]);
    }

    private static IReadOnlyList<string> Split(string? value) =>
        value?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}

/// <summary>Where the host listens: the public addresses, chosen by <see cref="Source"/>, and the management ones.</summary>
internal sealed record ListenPlan(ListenSource Source, IReadOnlyList<string> PublicUrls, IReadOnlyList<string> ManagementUrls)
{
    /// <summary>The fixed ports of the public addresses (port 0, sockets and pipes have none).</summary>
    public IReadOnlyCollection<int> PublicPorts()
    {
        var ports = new HashSet<int>();
        foreach (var url in PublicUrls)
        {
            try
            {
                var address = BindingAddress.Parse(url);
                if (address.Port > 0 && !address.IsUnixPipe && !address.IsNamedPipe)
                {
                    ports.Add(address.Port);
                }
            }
            catch (FormatException)
            {
                // Kestrel refuses it at start with its own message.
            }
        }

        return ports;
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
