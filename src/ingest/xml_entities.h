// Helpers that let expat read the feeds found in the wild.
//
// Thread-safety: pure functions.
#ifndef DOSSIER_INGEST_XML_ENTITIES_H_
#define DOSSIER_INGEST_XML_ENTITIES_H_

#include <string_view>

#include <expat.h>

namespace dossier {

// UTF-8 of a common HTML named entity ("nbsp" -> U+00A0), or "" if unknown.
std::string_view HtmlEntityUtf8(std::string_view name);

// An XML_UnknownEncodingHandler that knows windows-1252 (declared by many
// feeds; expat itself knows only UTF-8, UTF-16, ISO-8859-1 and US-ASCII).
int HandleUnknownEncoding(void* data, const XML_Char* name, XML_Encoding* info);

}  // namespace dossier

#endif  // DOSSIER_INGEST_XML_ENTITIES_H_
