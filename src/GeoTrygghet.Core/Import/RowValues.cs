using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace GeoTrygghet.Core.Import;

/// <summary>
/// A record's values by column name, stored as an array with the column index shared by every record
/// of a file: a million-row CSV then costs one array per row, not one dictionary. The reserved key
/// <c>__error</c> holds a reader's complaint about the record (e.g. a wrong field count).
/// </summary>
public sealed class RowValues(IReadOnlyDictionary<string, int> index, string?[] values, string? error = null) : IReadOnlyDictionary<string, string?>
{
    public const string ErrorKey = "__error";

    /// <summary>Reserved key (dictionary-backed records): why the record's geometry could not be read.</summary>
    public const string GeometryErrorKey = "__geometry_error";

    /// <summary>Reserved key (dictionary-backed records): the columns holding JSON objects, one per line.</summary>
    public const string ObjectColumnsKey = "__object_columns";

    /// <summary>Reserved key (dictionary-backed records): what the reader repaired, for the import's notes.</summary>
    public const string NoteKey = "__note";

    public IReadOnlyDictionary<string, int> Index => index;

    public string? Error => error;

    public int Count => index.Count + (error is null ? 0 : 1);

    public IEnumerable<string> Keys => this.Select(kv => kv.Key);

    public IEnumerable<string?> Values => this.Select(kv => kv.Value);

    public string? this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    public string? At(int i) => i < values.Length ? values[i] : null;

    public bool ContainsKey(string key) => index.ContainsKey(key) || (error is not null && key == ErrorKey);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        if (index.TryGetValue(key, out var i))
        {
            value = At(i);
            return true;
        }

        if (error is not null && key == ErrorKey)
        {
            value = error;
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
    {
        foreach (var (name, i) in index.OrderBy(kv => kv.Value))
        {
            yield return new(name, At(i));
        }

        if (error is not null)
        {
            yield return new(ErrorKey, error);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
