namespace Extractor.Parsing.Outline.Passes;

/// <summary>Paragraphs left under a heading — text and labelled lines no item took — are the section's own (narrative) text.</summary>
internal sealed class SectionBodyPass : IOutlinePass
{
    public void Run(OutlineProcessor processor)
    {
        foreach (var section in OutlineSection.Preorder(processor.Root))
        {
            section.Body.AddRange(section.Pending);
            section.Pending.Clear();
            foreach (var labelled in section.PendingLabelled) section.Body.AddRange(labelled.Paragraphs());
            section.PendingLabelled.Clear();
        }
    }
}
