-- Pandoc writes HTML notes as endnotes; WeasyPrint puts an element with `float: footnote` at the foot
-- of its page. This filter writes each note inline as <span class="fn">, as reportgen does, so that
-- both pipelines ask WeasyPrint for the same work.
function Note(note)
  return pandoc.Span(pandoc.utils.blocks_to_inlines(note.content), {class = "fn"})
end
