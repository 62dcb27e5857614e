using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SkinBot.Core.Chat;
using SkinBot.Host.Operations;

namespace SkinBot.Host.Tests.Operations;

public sealed class ChatEngineDecorationTests
{
    private static readonly IConfiguration NoConfiguration = new ConfigurationBuilder().Build();

    [Fact]
    public void An_engine_registered_by_type_is_wrapped()
    {
        var services = Services();
        services.AddSingleton<IChatEngine, FakeChatEngine>();
        services.AddSkinBotOperations(NoConfiguration);

        using var provider = services.BuildServiceProvider();
        var engine = Assert.IsType<GuardedChatEngine>(provider.GetRequiredService<IChatEngine>());

        Assert.IsType<FakeChatEngine>(engine.Inner);
        Assert.Same(engine, provider.GetRequiredService<IChatEngine>());
    }

    [Fact]
    public void An_engine_registered_through_its_concrete_type_is_wrapped_and_still_resolvable_by_that_type()
    {
        var services = Services();
        services.AddSingleton<FakeChatEngine>();
        services.AddSingleton<IChatEngine>(sp => sp.GetRequiredService<FakeChatEngine>());
        services.AddSkinBotOperations(NoConfiguration);

        using var provider = services.BuildServiceProvider();
        var engine = Assert.IsType<GuardedChatEngine>(provider.GetRequiredService<IChatEngine>());

        Assert.Same(provider.GetRequiredService<FakeChatEngine>(), engine.Inner);
    }

    [Fact]
    public void A_scoped_engine_stays_scoped_behind_one_shared_limiter()
    {
        var services = Services();
        services.AddScoped<IChatEngine, FakeChatEngine>();
        services.AddSkinBotOperations(NoConfiguration);

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var first = provider.CreateScope();
        using var second = provider.CreateScope();
        var a = Assert.IsType<GuardedChatEngine>(first.ServiceProvider.GetRequiredService<IChatEngine>());
        var b = Assert.IsType<GuardedChatEngine>(second.ServiceProvider.GetRequiredService<IChatEngine>());

        Assert.NotSame(a.Inner, b.Inner);
    }

    [Fact]
    public void Calling_it_twice_wraps_the_engine_once()
    {
        var services = Services();
        services.AddSingleton<IChatEngine, FakeChatEngine>();
        services.AddSkinBotOperations(NoConfiguration);
        services.AddSkinBotOperations(NoConfiguration);

        using var provider = services.BuildServiceProvider();
        var engine = Assert.IsType<GuardedChatEngine>(provider.GetRequiredService<IChatEngine>());

        Assert.IsType<FakeChatEngine>(engine.Inner);
    }

    [Fact]
    public void Without_a_registered_engine_it_says_what_to_do()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Services().AddSkinBotOperations(NoConfiguration));

        Assert.Contains("Register the engine first", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_engine_registered_after_the_limits_stops_the_host_from_starting()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IChatEngine, FakeChatEngine>();
        builder.Services.AddSkinBotOperations(builder.Configuration);
        builder.Services.AddSingleton<IChatEngine, FakeChatEngine>();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("not behind the abuse limits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Limits:PerUserPermitsPerMinute", "0")]
    [InlineData("Limits:PerChannelPermitsPerMinute", "-1")]
    [InlineData("Limits:MaxMessageLength", "0")]
    [InlineData("Telemetry:OtlpEndpoint", "not a uri")]
    [InlineData("Telemetry:OtlpProtocol", "carrier-pigeon")]
    public async Task Invalid_limits_or_telemetry_settings_stop_the_host_from_starting(string key, string value)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddSingleton<IChatEngine, FakeChatEngine>();
        builder.Services.AddSkinBotOperations(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key.Split(':')[1], error.Message, StringComparison.Ordinal);
    }

    private static ServiceCollection Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        return services;
    }
}
