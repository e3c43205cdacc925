using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components.Forms;

namespace WorkTrackr.Web.Components.Forms;

/// <summary>
/// Turns the key a service reports an error under into the field it belongs to: <c>Name</c> is the model's Name,
/// <c>Lines[2].Quantity</c> the Quantity of the model's third line, <c>CustomFieldValues[serial]</c> the "serial" entry
/// of a dictionary, and <c>[2].Hours</c> the Hours of the third row when the model is itself a list (as a service taking a
/// list keys its errors). The field is the same (object, name) pair an input bound to it validates, so its message shows there.
/// </summary>
public static class FieldPaths
{
    /// <summary>The field, or null when the model has no such path (the message then belongs to the whole form).</summary>
    public static FieldIdentifier? Resolve(object model, string key)
    {
        if (string.IsNullOrEmpty(key)) return null;
        var owner = model;
        var segments = key.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, indexes) = Parse(segments[i]);
            var last = i == segments.Length - 1;
            if (last && indexes.Count == 0) return Property(owner, name) is null ? null : new FieldIdentifier(owner, name);
            var value = i == 0 && name.Length == 0 && indexes.Count > 0 ? owner : Property(owner, name)?.GetValue(owner);
            for (var j = 0; j < indexes.Count; j++)
            {
                if (last && j == indexes.Count - 1 && value is IDictionary) return new FieldIdentifier(value, indexes[j]);
                value = Index(value, indexes[j]);
            }
            if (value is null) return null;
            if (last) return null; // a whole row, not one of its fields
            owner = value;
        }
        return null;
    }

    private static PropertyInfo? Property(object owner, string name) =>
        owner.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance);

    private static object? Index(object? value, string index) => value switch
    {
        IDictionary dictionary => dictionary.Contains(index) ? dictionary[index] : null,
        IList list when int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < list.Count => list[i],
        _ => null,
    };

    /// <summary><c>Lines[2]</c> into ("Lines", ["2"]).</summary>
    private static (string Name, List<string> Indexes) Parse(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        if (open < 0) return (segment, []);
        var indexes = new List<string>();
        for (var at = open; at >= 0 && at < segment.Length; at = segment.IndexOf('[', at))
        {
            var close = segment.IndexOf(']', at);
            if (close < 0) break;
            indexes.Add(segment[(at + 1)..close]);
            at = close + 1;
        }
        return (segment[..open], indexes);
    }
}
