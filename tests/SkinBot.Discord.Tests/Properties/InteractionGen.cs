using System.Text;
using System.Text.Json;
using CsCheck;
using SkinBot.Discord.Tests.Fakes;
using SkinBot.Testing.Hostile;

namespace SkinBot.Discord.Tests.Properties;

/// <summary>Interaction bodies as Discord might send them, with hostile values, and byte-level mutations of them.</summary>
internal static class InteractionGen
{
    private static readonly Gen<string> CommandName = Gen.OneOf("scar", "prevent", "treatments", "ask", "skinbot", "unknown", string.Empty);
    private static readonly Gen<string> OptionName = Gen.OneOf("type", "where", "name", "question", "private", "help", "x");

    private static readonly Gen<object> OptionValue = Gen.Frequency(
        (6, HostileText.Message.Select(text => (object)text)),
        (1, Gen.Bool.Select(b => (object)b)),
        (1, Gen.Long.Select(n => (object)n)),
        (1, Gen.Double.Select(d => (object)(double.IsFinite(d) ? d : 0.0))));

    private static readonly Gen<object> Option = Gen.Select(OptionName, OptionValue, Gen.Int[1, 11], Gen.Bool,
        (name, value, type, focused) => Payloads.Option(name, value, type, focused));

    /// <summary>Well-formed interactions of every kind SkinBot handles, carrying hostile text.</summary>
    public static readonly Gen<Dictionary<string, object?>> Interaction = Gen.Frequency(
        (4, Gen.Select(CommandName, Option.Array[0, 4], (name, options) => Payloads.Command(name, options))),
        (1, Gen.Select(CommandName, OptionName, Option.Array[0, 3], (name, sub, options) => Payloads.Command(name, [Payloads.Subcommand(sub, options)]))),
        (2, Gen.Select(Gen.OneOf("fu:", "fu: ", "x:", string.Empty), HostileText.Message, (prefix, text) => Payloads.ButtonPress(prefix + text))),
        (2, Gen.Select(CommandName, Option.Array[0, 3], (name, options) => Payloads.Autocomplete(name, options))),
        (1, Gen.Const(0).Select(_ => Payloads.Ping())));

    /// <summary>The serialized bytes of <see cref="Interaction"/>, sometimes mutated: bytes flipped, cut, duplicated or spliced.</summary>
    public static readonly Gen<byte[]> Body = Gen.Frequency(
        (3, Interaction.Select(i => JsonSerializer.SerializeToUtf8Bytes(i))),
        (2, Gen.Select(Interaction, Gen.Int[0, 1000].Array[1, 6], Gen.Byte.Array[1, 6], Mutate)),
        (1, HostileText.Message.Select(text => Encoding.UTF8.GetBytes(text))));

    private static byte[] Mutate(Dictionary<string, object?> interaction, int[] positions, byte[] replacements)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(interaction).ToList();
        for (var i = 0; i < positions.Length && bytes.Count > 0; i++)
        {
            var at = positions[i] % bytes.Count;
            switch (replacements[i % replacements.Length] % 4)
            {
                case 0:
                    bytes[at] = replacements[i % replacements.Length];
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + (positions[i] % 7)));
                    break;
                case 2:
                    bytes.InsertRange(at, bytes.Skip(at).Take(1 + (positions[i] % 9)).ToList());
                    break;
                default:
                    bytes.Insert(at, (byte)"{}[]\",:0-e\\"[positions[i] % 11]);
                    break;
            }
        }

        return [.. bytes];
    }
}
