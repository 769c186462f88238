// Feed reader: RSS 2.0, RSS 1.0 (RDF) and Atom, streamed through expat.
//
// Each RSS <item> / Atom <entry> is a record with the locator "item N"
// (1-based, document order). Its body is, in order of preference,
// content:encoded or Atom <content>, else <description> / <summary>; these
// are HTML fragments (kind kHtml, charset "utf-8": expat hands out UTF-8
// whatever the document's encoding). Atom text constructs of type "text" are
// plain text (kind kText); type "xhtml" is serialised back to markup.
//
// Metadata: title; link (Atom: rel="alternate" or the first href; RSS: a
// permalink guid when there is no link); guid / id -> id; pubDate,
// published, dc:date (else updated) -> published, as stated; dc:creator,
// Atom author name, RSS author -> author; RSS <source> (aggregators), else
// channel / feed title -> outlet; item, else channel language.
//
// Elements are matched by namespace URI and local name (expat namespace
// processing), so prefixes do not matter; elements of other vocabularies
// (media:, itunes:, ...) are ignored. HTML entities (&nbsp; ...) that the
// feed does not declare are tolerated, and windows-1252 is understood.
//
// Errors, reading goes on unless said otherwise:
//   "item N: no content, description or summary"
//   "item N: larger than M bytes"
//   "item N, line L: XML error: <expat message>"  (ends the input; items
//                                                  completed before it are
//                                                  delivered first)
//   the stream's error (ends the input)
//
// Thread-safety: none; reentrant.
#ifndef DOSSIER_INGEST_FEED_READER_H_
#define DOSSIER_INGEST_FEED_READER_H_

#include <string>

#include "ingest/buffered_reader.h"
#include "ingest/ingest.h"
#include "ingest/record_sink.h"

namespace dossier {

void ReadFeed(BufferedReader& in, const std::string& path, const IngestOptions& options,
              RecordSink* sink);

}  // namespace dossier

#endif  // DOSSIER_INGEST_FEED_READER_H_
