using System.Text.Json;
using SkinBot.Core.Chat;
using SkinBot.Discord.Commands;
using SkinBot.Discord.Tests.Fakes;

namespace SkinBot.Discord.Tests;

public sealed class CommandDefinitionTests
{
    private static ApplicationCommand Valid => new("scar", "What a scar type is", [new(CommandOptionType.String, "type", "Which type")]);

    [Fact]
    public void SkinBots_commands_pass_the_validator()
    {
        Assert.Empty(CommandDefinitionValidator.Validate(SlashCommands.All));
        Assert.Equal(
            [CommandNames.Scar, CommandNames.Prevent, CommandNames.Camouflage, CommandNames.Treatments, CommandNames.Ask, SlashCommands.SkinBot],
            SlashCommands.All.Select(c => c.Name));
    }

    [Fact]
    public void Every_command_that_can_answer_in_public_has_a_private_option()
    {
        var alwaysPrivate = new[] { CommandNames.Privacy, CommandNames.Forget };
        var answering = SlashCommands.All.SelectMany(command => command.Options.Any(o => o.Type == CommandOptionType.SubCommand)
            ? command.Options.Where(sub => !alwaysPrivate.Contains(sub.Name)).Select(sub => sub.Options ?? [])
            : [command.Options]);

        Assert.All(answering, options => Assert.Contains(options, o => o.Name == SlashCommands.PrivateOption && o.Type == CommandOptionType.Boolean));
    }

    [Fact]
    public void Skinbot_has_help_privacy_and_forget_as_subcommands()
    {
        var skinbot = Assert.Single(SlashCommands.All, command => command.Name == SlashCommands.SkinBot);

        Assert.Equal([CommandNames.Help, CommandNames.Privacy, CommandNames.Forget], skinbot.Options.Select(o => o.Name));
        Assert.All(skinbot.Options, o => Assert.Equal(CommandOptionType.SubCommand, o.Type));
    }

    [Theory]
    [InlineData("Scar")]
    [InlineData("scar type")]
    [InlineData("")]
    [InlineData("a-name-that-is-much-longer-than-32-chars")]
    public void A_bad_name_is_reported(string name)
    {
        Assert.NotEmpty(CommandDefinitionValidator.Validate([Valid with { Name = name }]));
    }

    [Fact]
    public void Names_in_other_scripts_are_allowed()
    {
        Assert.Empty(CommandDefinitionValidator.Validate([Valid with { Name = "निशान" }, Valid with { Name = "cicatrice-é" }]));
    }

    [Fact]
    public void A_description_over_100_characters_is_reported()
    {
        Assert.Contains(CommandDefinitionValidator.Validate([Valid with { Description = new string('d', 101) }]), e => e.Contains("description", StringComparison.Ordinal));
    }

    [Fact]
    public void A_required_option_after_an_optional_one_is_reported()
    {
        var command = Valid with
        {
            Options = [new(CommandOptionType.String, "a", "optional"), new(CommandOptionType.String, "b", "required") { Required = true }],
        };

        Assert.Contains(CommandDefinitionValidator.Validate([command]), e => e.Contains("required options must come before", StringComparison.Ordinal));
    }

    [Fact]
    public void More_than_25_options_or_choices_are_reported()
    {
        var options = Enumerable.Range(0, 26).Select(i => new CommandOption(CommandOptionType.String, $"o{i}", "x")).ToList();
        var choices = Enumerable.Range(0, 26).Select(i => new CommandChoice($"c{i}", $"v{i}")).ToList();

        Assert.NotEmpty(CommandDefinitionValidator.Validate([Valid with { Options = options }]));
        Assert.NotEmpty(CommandDefinitionValidator.Validate([Valid with { Options = [new(CommandOptionType.String, "type", "t") { Choices = choices }] }]));
    }

    [Fact]
    public void Autocomplete_with_choices_and_duplicate_names_are_reported()
    {
        var option = new CommandOption(CommandOptionType.String, "type", "t") { Autocomplete = true, Choices = [new("a", "a")] };

        Assert.NotEmpty(CommandDefinitionValidator.Validate([Valid with { Options = [option] }]));
        Assert.NotEmpty(CommandDefinitionValidator.Validate([Valid, Valid]));
    }

    [Fact]
    public void A_command_over_8000_characters_in_total_is_reported()
    {
        var choices = Enumerable.Range(0, 25).Select(i => new CommandChoice(new string('n', 100), new string('v', 100))).ToList();
        var options = Enumerable.Range(0, 25).Select(i => new CommandOption(CommandOptionType.String, $"o{i}", "x") { Choices = choices }).ToList();

        Assert.Contains(CommandDefinitionValidator.Validate([Valid with { Options = options }]), e => e.Contains("8000", StringComparison.Ordinal));
    }

    [Fact]
    public void Guild_installed_commands_are_offered_in_guilds_and_bot_dms_only()
    {
        var json = JsonDocument.Parse(DiscordJson.Serialize(SlashCommands.All)).RootElement;

        Assert.All(json.EnumerateArray(), command =>
        {
            Assert.Equal([0], command.GetProperty("integration_types").EnumerateArray().Select(e => e.GetInt32()));
            Assert.Equal([0, 1], command.GetProperty("contexts").EnumerateArray().Select(e => e.GetInt32()));
        });
    }

    [Fact]
    public async Task Register_commands_puts_the_whole_set_to_the_global_route()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await BotHost.StartAsync(NoGateway(discord));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await DiscordCliVerbs.RunAsync(bot.Services, ["register-commands"], stdout, stderr, CancellationToken.None);

        Assert.Equal(0, exit);
        var put = Assert.Single(discord.Rest.Calls);
        Assert.Equal("PUT", put.Method);
        Assert.Equal($"/applications/{FakeGateway.ApplicationId}/commands", put.Path);
        Assert.Equal("Bot " + BotHost.BotToken, put.Authorization);
        AssertIsTheCommandSet(put.Body!.Value);
        Assert.Contains("Registered 6 global commands", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_commands_for_a_guild_uses_the_guild_route_and_is_idempotent()
    {
        await using var discord = await FakeDiscord.StartAsync();
        await using var bot = await BotHost.StartAsync(NoGateway(discord));

        var first = await DiscordCliVerbs.RunAsync(bot.Services, ["register-commands", "--guild", "123456789012345678"], TextWriter.Null, TextWriter.Null, CancellationToken.None);
        var second = await DiscordCliVerbs.RunAsync(bot.Services, ["register-commands", "--guild", "123456789012345678"], TextWriter.Null, TextWriter.Null, CancellationToken.None);

        Assert.Equal((0, 0), (first, second));
        var puts = discord.Rest.Calls.ToList();
        Assert.All(puts, p => Assert.Equal($"/applications/{FakeGateway.ApplicationId}/guilds/123456789012345678/commands", p.Path));
        Assert.Equal(puts[0].Body!.Value.GetRawText(), puts[1].Body!.Value.GetRawText());
    }

    [Theory]
    [InlineData("")]
    [InlineData("dance")]
    [InlineData("register-commands --guild")]
    [InlineData("register-commands --unknown")]
    public async Task An_unknown_verb_or_argument_prints_usage_and_exits_2(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await using var bot = await BotHost.StartAsync(NoGateway(null));
        using var stderr = new StringWriter();

        var exit = await DiscordCliVerbs.RunAsync(bot.Services, args, TextWriter.Null, stderr, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("usage: skinbot discord", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_commands_without_an_application_id_fails_clearly()
    {
        var settings = NoGateway(null);
        settings["Discord:ApplicationId"] = null;
        await using var bot = await BotHost.StartAsync(settings);
        using var stderr = new StringWriter();

        var exit = await DiscordCliVerbs.RunAsync(bot.Services, ["register-commands"], TextWriter.Null, stderr, CancellationToken.None);

        Assert.Equal(1, exit);
        Assert.Contains("Discord:ApplicationId", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Print_commands_writes_the_validated_definitions()
    {
        await using var bot = await BotHost.StartAsync(NoGateway(null));
        using var stdout = new StringWriter();

        Assert.Equal(0, await DiscordCliVerbs.RunAsync(bot.Services, ["print-commands"], stdout, TextWriter.Null, CancellationToken.None));
        using var json = JsonDocument.Parse(stdout.ToString());
        AssertIsTheCommandSet(json.RootElement);
    }

    private static void AssertIsTheCommandSet(JsonElement commands)
    {
        Assert.Equal(6, commands.GetArrayLength());
        var scar = commands.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "scar");
        Assert.Equal(1, scar.GetProperty("type").GetInt32());
        var type = scar.GetProperty("options")[0];
        Assert.Equal(["ice_pick", "boxcar", "rolling"], type.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!));
        var treatments = commands.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "treatments");
        Assert.True(treatments.GetProperty("options")[0].GetProperty("required").GetBoolean());
        Assert.True(treatments.GetProperty("options")[1].GetProperty("autocomplete").GetBoolean());
        var forScar = treatments.GetProperty("options")[2];
        Assert.Equal("scar", forScar.GetProperty("name").GetString());
        Assert.Equal(["ice_pick", "boxcar", "rolling"], forScar.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!));
        var skinbot = commands.EnumerateArray().Single(c => c.GetProperty("name").GetString() == "skinbot").GetProperty("options");
        Assert.Equal(["help", "privacy", "forget"], skinbot.EnumerateArray().Select(o => o.GetProperty("name").GetString()!));
        Assert.All(skinbot.EnumerateArray(), o => Assert.Equal(CommandOptionType.SubCommand, o.GetProperty("type").GetInt32()));
        Assert.All(skinbot.EnumerateArray(), o => Assert.InRange(o.GetProperty("description").GetString()!.Length, 1, 100));
    }

    /// <summary>A host with a token (registration needs it) whose gateway points nowhere useful and is never awaited.</summary>
    private static Dictionary<string, string?> NoGateway(FakeDiscord? discord)
    {
        var settings = BotHost.Settings(discord);
        settings["Discord:GatewayUrl"] = "ws://127.0.0.1:9/closed";
        settings["Discord:ReconnectBackoffInitial"] = "00:00:05";
        settings["Discord:ReconnectBackoffMax"] = "00:00:05";
        return settings;
    }
}
