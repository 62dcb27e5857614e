using System.Text;

namespace SkinBot.Testing.Hostile;

/// <summary>A raw HTTP body with the content type it is sent as (null: no Content-Type header).</summary>
public sealed record NastyBody(string Name, byte[] Bytes, string? ContentType);

/// <summary>
/// Bodies no well-behaved client sends: deep nesting, huge numbers, broken encodings, wrong content types. Endpoints must
/// answer each with a clear 4xx (or a normal reply, when the body happens to be acceptable) and never a 5xx.
/// </summary>
public static class NastyBodies
{
    private const string Json = "application/json";

    private static readonly Dictionary<string, NastyBody> Bodies = new[]
    {
        Body("empty", [], Json),
        Body("empty, no content type", [], null),
        Body("null", "null", Json),
        Body("a number", "42", Json),
        Body("a string", "\"hello\"", Json),
        Body("an array", "[1,2,3]", Json),
        Body("10,000 nested arrays", new string('[', 10_000) + new string(']', 10_000), Json),
        Body("10,000 nested objects", Repeat("{\"a\":", 10_000) + "1" + new string('}', 10_000), Json),
        Body("unclosed object", "{\"type\":", Json),
        Body("trailing garbage", "{}}}}", Json),
        Body("huge number", "{\"type\":1" + new string('0', 5_000) + ",\"id\":1e999999}", Json),
        Body("huge exponent", "{\"type\":1e400,\"id\":-1e400}", Json),
        Body("invalid UTF-8", [0x7B, 0x22, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0xFE, 0x22, 0x7D], Json),
        // Found by the interaction fuzz target: invalid UTF-8 inside a string the model reads throws InvalidOperationException, not JsonException.
        Body("invalid UTF-8 in a read string", [.. "{\"token\":\"a"u8, 0xC3, 0x28, .. "\",\"text\":\"b"u8, 0xFF, .. "\",\"conversationId\":\"c\",\"type\":\"message\"}"u8], Json),
        Body("invalid UTF-8 in a command option", [.. "{\"id\":\"1\",\"application_id\":\"1\",\"type\":2,\"token\":\"t\",\"data\":{\"name\":\"ask\",\"type\":1,\"options\":[{\"name\":\"question\",\"type\":3,\"value\":\"Ret"u8, 0xAD, .. "nol\"}]}}"u8], Json),
        Body("UTF-16 with BOM", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{\"type\":1}")).ToArray(), Json),
        Body("NUL bytes", [0, 0, 0, 0], Json),
        Body("duplicate keys", "{\"type\":1,\"type\":2,\"text\":\"a\",\"text\":\"b\"}", Json),
        Body("lone surrogate escape", "{\"type\":\"message\",\"text\":\"\\uD800 boxcar\",\"id\":\"\\uDFFF\"}", Json),
        Body("text/plain", "{\"type\":1}", "text/plain"),
        Body("form post", "type=1&text=hello", "application/x-www-form-urlencoded"),
        Body("multipart", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--", "multipart/form-data; boundary=x"),
        Body("xml", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b \"c\">]><a>&b;</a>", "application/xml"),
        Body("json with charset latin1", "{\"type\":1}", "application/json; charset=iso-8859-1"),
        Body("100 KB string", "{\"text\":\"" + new string('a', 100 * 1024) + "\"}", Json),
    }.ToDictionary(b => b.Name, StringComparer.Ordinal);

    public static NastyBody Get(string name) => Bodies[name];

    /// <summary>For <c>[MemberData]</c>.</summary>
    public static IEnumerable<object[]> All() => Bodies.Keys.Select(name => new object[] { name });

    private static NastyBody Body(string name, string text, string? contentType) => new(name, Encoding.UTF8.GetBytes(text), contentType);

    private static NastyBody Body(string name, byte[] bytes, string? contentType) => new(name, bytes, contentType);

    private static string Repeat(string piece, int count) => string.Concat(Enumerable.Repeat(piece, count));
}
