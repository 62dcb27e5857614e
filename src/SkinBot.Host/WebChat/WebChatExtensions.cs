using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using SkinBot.Host.Operations;

namespace SkinBot.Host.WebChat;

/// <summary>Registers and maps the local web chat: the page at <c>/</c> and <c>POST /api/chat</c>.</summary>
public static class WebChatExtensions
{
    /// <summary>
    /// The page renders corpus text, so it may only run its own script and talk to its own origin,
    /// and no other site may frame it.
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddSkinBotWebChat(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSkinBotLimits(configuration);
        services.AddOptions<WebChatOptions>()
            .Bind(configuration.GetSection(WebChatOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebChatOptions>, WebChatOptionsValidator>());
        services.TryAddSingleton<TrustedProxies>();
        services.TryAddSingleton<ClientAddress>();
        services.TryAddSingleton<WebChatSecret>();
        services.TryAddSingleton<WebChatVisitors>();
        return services;
    }

    public static IEndpointRouteBuilder MapSkinBotWebChat(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var configuration = endpoints.ServiceProvider.GetRequiredService<IConfiguration>();
        if (!string.IsNullOrWhiteSpace(configuration["Redis:Configuration"]) && !endpoints.ServiceProvider.GetRequiredService<WebChatSecret>().IsShared)
        {
            // Redis means several replicas; only a shared key lets them honour each other's conversation ids.
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatExtensions)).SigningKeyNotShared();
        }

        endpoints.MapPost(ChatApiEndpoint.Path, ChatApiEndpoint.HandleAsync);
        endpoints.MapGet(ChatApiEndpoint.Path + "/settings", (IOptions<LimitsOptions> limits) =>
            Results.Json(new { maxMessageLength = limits.Value.MaxMessageLength }));

        var environment = endpoints.ServiceProvider.GetRequiredService<IWebHostEnvironment>();
        var files = WebChatAssets.Locate(environment);
        if (files is null)
        {
            endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebChatExtensions))
                .PageMissing(ChatApiEndpoint.Path);
            return endpoints;
        }

        MapFile(endpoints, "/", files, WebChatAssets.IndexFile);
        // Build output may hold precompressed copies (app.js.gz) beside the files; only the files themselves are the page.
        foreach (var file in files.GetDirectoryContents(string.Empty).Where(f => !f.IsDirectory && !IsPrecompressed(f.Name)))
        {
            MapFile(endpoints, "/" + file.Name, files, file.Name);
        }

        return endpoints;
    }

    private static bool IsPrecompressed(string name) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".br", StringComparison.OrdinalIgnoreCase);

    private static void MapFile(IEndpointRouteBuilder endpoints, string route, IFileProvider files, string name)
    {
        var contentType = new FileExtensionContentTypeProvider().TryGetContentType(name, out var type) ? type : "application/octet-stream";
        if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType.EndsWith("javascript", StringComparison.Ordinal))
        {
            contentType += "; charset=utf-8";
        }

        endpoints.MapMethods(route, [HttpMethods.Get, HttpMethods.Head], async context =>
        {
            var file = files.GetFileInfo(name);
            if (!file.Exists)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var headers = context.Response.Headers;
            headers.ContentType = contentType;
            headers.CacheControl = "no-cache";
            headers.XContentTypeOptions = "nosniff";
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            context.Response.ContentLength = file.Length;
            if (HttpMethods.IsHead(context.Request.Method))
            {
                return;
            }

            await using var stream = file.CreateReadStream();
            await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
        });
    }
}
