using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace SkinBot.Core.Safety;

/// <summary>
/// Reads a file of signs by tier (safety-languages.yml) straight from the YAML parser's events into
/// <see cref="SafetySignEntry"/> values. The reflection deserializer spent most of the safety catalog's start-up on this
/// file once it passed 1.5 MB: setting thousands of properties through reflection, each a method the runtime compiles
/// first. The file is plain mappings, sequences and scalars; anything else (an anchor, an alias, a tag, a value of an
/// unexpected shape) returns null, and the caller reads the file with the deserializer as before, so its errors and its
/// reading of the unusual stay exactly as they were.
/// </summary>
internal static class SafetySignsReader
{
    /// <summary>The signs by tier id, or null when the text holds something this reader leaves to the deserializer.</summary>
    public static Dictionary<string, List<SafetySignEntry?>?>? TryRead(string yaml)
    {
        try
        {
            var parser = new Parser(new StringReader(yaml));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return [];
            }

            parser.Consume<DocumentStart>();
            var tiers = new Dictionary<string, List<SafetySignEntry?>?>(StringComparer.Ordinal);
            if (!parser.TryConsume<MappingStart>(out var top) || !IsPlain(top))
            {
                return null;
            }

            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (ReadKey(parser) is not { } tier || tiers.ContainsKey(tier))
                {
                    return null;
                }

                if (IsNull(parser))
                {
                    tiers[tier] = null;
                    continue;
                }

                if (ReadSigns(parser) is not { } signs)
                {
                    return null;
                }

                tiers[tier] = signs;
            }

            parser.Consume<DocumentEnd>();
            return parser.TryConsume<StreamEnd>(out _) ? tiers : null;
        }
        catch (YamlException)
        {
            // Broken YAML: the deserializer reports it with the line, as it always has.
            return null;
        }
    }

    private static List<SafetySignEntry?>? ReadSigns(Parser parser)
    {
        if (!parser.TryConsume<SequenceStart>(out var start) || !IsPlain(start))
        {
            return null;
        }

        var signs = new List<SafetySignEntry?>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (IsNull(parser))
            {
                signs.Add(null);
                continue;
            }

            if (ReadSign(parser) is not { } sign)
            {
                return null;
            }

            signs.Add(sign);
        }

        return signs;
    }

    private static SafetySignEntry? ReadSign(Parser parser)
    {
        if (!parser.TryConsume<MappingStart>(out var start) || !IsPlain(start))
        {
            return null;
        }

        var sign = new SafetySignEntry();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            if (ReadKey(parser) is not { } key || !seen.Add(key) || !ReadValue(parser, key, sign))
            {
                return null;
            }
        }

        return sign;
    }

    /// <summary>Reads one key's value into the sign; false for an unknown key or a value of another shape.</summary>
    private static bool ReadValue(Parser parser, string key, SafetySignEntry sign)
    {
        switch (key)
        {
            case "name" when ReadText(parser, out var name):
                sign.Name = name!;
                return true;
            case "covers" when ReadText(parser, out var covers):
                sign.Covers = covers!;
                return true;
            case "phrases" when ReadTexts(parser) is { } phrases:
                sign.Phrases = phrases;
                return true;
            case "unless" when ReadTexts(parser) is { } unless:
                sign.Unless = unless;
                return true;
            case "yields_to" when ReadTexts(parser) is { } yieldsTo:
                sign.YieldsTo = yieldsTo;
                return true;
            case "near" when ReadGroups(parser) is { } near:
                sign.Near = near;
                return true;
            case "within" when ReadText(parser, out var within) && int.TryParse(within, NumberStyles.None, CultureInfo.InvariantCulture, out var words):
                sign.Within = words;
                return true;
            case "max_words" when ReadText(parser, out var maxWords) && int.TryParse(maxWords, NumberStyles.None, CultureInfo.InvariantCulture, out var most):
                sign.MaxWords = most;
                return true;
            case "negatable" when ReadText(parser, out var negatable) && bool.TryParse(negatable, out var isNegatable):
                sign.Negatable = isNegatable;
                return true;
            case "alone" when ReadText(parser, out var alone) && bool.TryParse(alone, out var isAlone):
                sign.Alone = isAlone;
                return true;
            default:
                return false;
        }
    }

    private static List<List<string>>? ReadGroups(Parser parser)
    {
        if (!parser.TryConsume<SequenceStart>(out var start) || !IsPlain(start))
        {
            return null;
        }

        var groups = new List<List<string>>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (ReadTexts(parser) is not { } group)
            {
                return null;
            }

            groups.Add(group);
        }

        return groups;
    }

    private static List<string>? ReadTexts(Parser parser)
    {
        if (!parser.TryConsume<SequenceStart>(out var start) || !IsPlain(start))
        {
            return null;
        }

        var texts = new List<string>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            // A null item ("- ~") is left to the deserializer: the lists are cleaned of blanks later, but not here.
            if (!ReadText(parser, out var text) || text is null)
            {
                return null;
            }

            texts.Add(text);
        }

        return texts;
    }

    /// <summary>A scalar's text (null for a plain null), or false when the value is not a plain scalar.</summary>
    private static bool ReadText(Parser parser, out string? text)
    {
        text = null;
        if (!parser.TryConsume<Scalar>(out var scalar) || !IsPlain(scalar))
        {
            return false;
        }

        text = scalar.IsPlainImplicit && IsNullWord(scalar.Value) ? null : scalar.Value;
        return true;
    }

    private static string? ReadKey(Parser parser) =>
        parser.TryConsume<Scalar>(out var key) && IsPlain(key) && key.Value.Length > 0 ? key.Value : null;

    /// <summary>Consumes a plain null value ("crisis:", "crisis: ~") if that is what comes next.</summary>
    private static bool IsNull(Parser parser)
    {
        if (parser.Current is Scalar { IsPlainImplicit: true } scalar && IsPlain(scalar) && IsNullWord(scalar.Value))
        {
            parser.MoveNext();
            return true;
        }

        return false;
    }

    private static bool IsNullWord(string value) => value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>No anchor and no tag: the reader does not resolve them.</summary>
    private static bool IsPlain(NodeEvent node) => node.Anchor.IsEmpty && node.Tag.IsEmpty;
}
