using DiffPlex;
using DiffPlex.Chunkers;

namespace KhuyenCong.Web.Pages.Admin;

/// <summary>The word-level diff of two texts, as segments kept, deleted or inserted.</summary>
public static partial class RevisionCompare
{
    public enum Change
    {
        Same,
        Deleted,
        Inserted,
    }

    public sealed record Segment(string Text, Change Change);

    /// <summary>
    /// A word-level diff (DiffPlex with a word chunker that also splits at line ends, so a changed word marks that word,
    /// not its whole line); neighbouring pieces of the same kind are merged.
    /// </summary>
    public static IReadOnlyList<Segment> WordDiff(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before ?? "", after ?? "", ignoreWhiteSpace: false, ignoreCase: false, Words);
        var segments = new List<Segment>();
        var oldAt = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; oldAt < block.DeleteStartA; oldAt++)
            {
                Add(segments, result.PiecesOld[oldAt], Change.Same);
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                Add(segments, result.PiecesOld[block.DeleteStartA + i], Change.Deleted);
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                Add(segments, result.PiecesNew[block.InsertStartB + i], Change.Inserted);
            }

            oldAt = block.DeleteStartA + block.DeleteCountA;
        }

        for (; oldAt < result.PiecesOld.Count; oldAt++)
        {
            Add(segments, result.PiecesOld[oldAt], Change.Same);
        }

        return segments;
    }

    private static readonly DelimiterChunker Words = new([' ', '\t', '\r', '\n', '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"', '“', '”']);

    private static void Add(List<Segment> segments, string text, Change change)
    {
        if (segments.Count > 0 && segments[^1].Change == change)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new Segment(text, change));
        }
    }
}
