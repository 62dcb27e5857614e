using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SkinBot.Core.Engine;
using SkinBot.Host.Startup;

namespace SkinBot.Host.Tests.Hosting;

public sealed class StartupFailureTests
{
    [Fact]
    public void Failures_of_several_options_classes_are_all_reported_one_line_each_with_exit_code_78()
    {
        var failure = StartupFailure.Classify(new AggregateException(
            new OptionsValidationException("", typeof(EngineOptions), ["Engine:FollowUpWindow: must be positive.", "Engine:IndexPath must be\na folder of its own."]),
            new OptionsValidationException("", typeof(object), ["Discord:ApiBaseUrl must be an absolute https URL."])));

        Assert.Equal(78, failure.ExitCode);
        Assert.Equal(
            ["Engine:FollowUpWindow: must be positive.", "Engine:IndexPath must be a folder of its own.", "Discord:ApiBaseUrl must be an absolute https URL."],
            failure.Problems);
    }

    [Fact]
    public void A_value_the_binder_cannot_convert_is_named_by_key_and_type_and_never_quoted()
    {
        const string Value = "hunter2' at 'Fake:Key' to type 'System.Guid'.";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Engine:MaxConversations"] = Value })
            .Build();
        var thrown = Assert.ThrowsAny<Exception>(() => configuration.GetSection("Engine").Get<EngineOptions>());

        var failure = StartupFailure.Classify(thrown);

        Assert.Equal(78, failure.ExitCode);
        Assert.Equal(["Engine:MaxConversations is not a valid Int32."], failure.Problems);
    }

    [Fact]
    public void An_aggregate_holding_anything_but_configuration_problems_is_a_plain_failure()
    {
        var failure = StartupFailure.Classify(new AggregateException(
            new OptionsValidationException("", typeof(EngineOptions), ["Engine:FollowUpWindow: must be positive."]),
            new IOException("disk full")));

        Assert.Equal(1, failure.ExitCode);
        Assert.Contains("disk full", Assert.Single(failure.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_failure_exits_1_with_one_line()
    {
        var failure = StartupFailure.Classify(new IOException("Failed to bind to address http://127.0.0.1:5080:\naddress already in use."));
        var stderr = new StringWriter();

        await failure.WriteToAsync(stderr);

        Assert.Equal(1, failure.ExitCode);
        Assert.Equal("skinbot: could not start: Failed to bind to address http://127.0.0.1:5080: address already in use." + Environment.NewLine, stderr.ToString());
    }
}
