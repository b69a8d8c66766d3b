using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiteAspire.Proxy.Management.Teams;

/// <summary>Reads LiteLLM's <c>member: Member | [Member]</c> (one object or a list) with a 400 naming the member at fault.</summary>
internal static class MemberList
{
    public static List<MemberRequest>? Read(JsonNode? member, string field) => member switch
    {
        null => null,
        JsonObject one => [ReadOne(one, field)],
        JsonArray many => many.Select((item, i) => ReadOne(item, $"{field}[{i}]")).ToList(),
        _ => throw ManagementErrors.BadRequest($"Invalid value for '{field}': expected a member object or a list of them.", field),
    };

    private static MemberRequest ReadOne(JsonNode? node, string at)
    {
        if (node is not JsonObject)
        {
            throw ManagementErrors.BadRequest($"Invalid value for '{at}': expected a member object {{role, user_id, user_email}}.", at);
        }

        try
        {
            return node.Deserialize<MemberRequest>(ManagementJson.Options)!;
        }
        catch (JsonException e)
        {
            var inner = e.Path is { Length: > 2 } path ? $"{at}.{path[2..]}" : at;
            throw ManagementErrors.BadRequest($"Invalid value for '{inner}': expected a string.", inner);
        }
    }
}
