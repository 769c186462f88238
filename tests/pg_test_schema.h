// Helpers of the end-to-end tests that give each store its own schema of the
// test PostgreSQL database.
#ifndef DOSSIER_TESTS_PG_TEST_SCHEMA_H_
#define DOSSIER_TESTS_PG_TEST_SCHEMA_H_

#include <exception>
#include <string>

#include <gtest/gtest.h>
#include <pqxx/pqxx>

namespace dossier_test {

// Runs `sql` outside a transaction on `server`; a failure fails the test.
inline void AdminSql(const std::string& server, const std::string& sql) {
  try {
    pqxx::connection c(server);
    pqxx::nontransaction t(c);
    t.exec(sql);
  } catch (const std::exception& e) {
    ADD_FAILURE() << sql << ": " << e.what();
  }
}

// The store location `server` with `schema` as its search path.
inline std::string SchemaLocation(const std::string& server, const std::string& schema) {
  return server + (server.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

}  // namespace dossier_test

#endif  // DOSSIER_TESTS_PG_TEST_SCHEMA_H_
