// Tested by tests/scale_out_test.cc (against a real nats-server -js).
#include "scaleout/jetstream.h"

#include <chrono>
#include <utility>

#include <nats/nats.h>

namespace dossier::scaleout {
namespace {

natsConnection* Nc(void* p) { return static_cast<natsConnection*>(p); }
jsCtx* Js(void* p) { return static_cast<jsCtx*>(p); }

Status NatsError(const std::string& what, natsStatus s,
                 jsErrCode jerr = static_cast<jsErrCode>(0)) {
  std::string msg = what + ": " + natsStatus_GetText(s);
  if (const char* last = nats_GetLastError(nullptr); last != nullptr && *last != '\0') {
    msg += " (";
    msg += last;
    msg += ")";
  }
  if (jerr != 0) msg += " [JetStream error " + std::to_string(static_cast<int>(jerr)) + "]";
  return Status::IOError(msg);
}

}  // namespace

Topology::Topology(std::string stream_name)
    : stream(stream_name),
      subject(stream_name + ".articles"),
      dead_stream(stream_name + "_dead"),
      dead_subject(stream_name + ".dead"),
      heartbeat(stream_name + ".workers") {}

Delivery::Delivery(void* msg) : msg_(msg) {
  jsMsgMetaData* meta = nullptr;
  if (natsMsg_GetMetaData(&meta, static_cast<natsMsg*>(msg_)) == NATS_OK) {
    stream_seq_ = meta->Sequence.Stream;
    delivered_ = meta->NumDelivered;
    jsMsgMetaData_Destroy(meta);
  }
}
Delivery::~Delivery() { natsMsg_Destroy(static_cast<natsMsg*>(msg_)); }

std::string_view Delivery::data() const {
  const natsMsg* m = static_cast<const natsMsg*>(msg_);
  return {natsMsg_GetData(m), static_cast<size_t>(natsMsg_GetDataLength(m))};
}

Status Delivery::Ack() {
  // Synchronous: the clusterer's progress rests on the server's ack floor.
  natsStatus s = natsMsg_AckSync(static_cast<natsMsg*>(msg_), nullptr, nullptr);
  return s == NATS_OK ? Status::OK() : NatsError("ack", s);
}
Status Delivery::NakWithDelay(int64_t delay_ms) {
  natsStatus s = natsMsg_NakWithDelay(static_cast<natsMsg*>(msg_), delay_ms, nullptr);
  return s == NATS_OK ? Status::OK() : NatsError("nak", s);
}
Status Delivery::Term() {
  natsStatus s = natsMsg_Term(static_cast<natsMsg*>(msg_), nullptr);
  return s == NATS_OK ? Status::OK() : NatsError("term", s);
}

JetStream::~JetStream() {
  if (sub_ != nullptr) natsSubscription_Destroy(static_cast<natsSubscription*>(sub_));
  if (js_ != nullptr) jsCtx_Destroy(Js(js_));
  if (nc_ != nullptr) {
    natsConnection_FlushTimeout(Nc(nc_), 2000);
    natsConnection_Destroy(Nc(nc_));
  }
}

Result<std::unique_ptr<JetStream>> JetStream::Connect(const std::string& url, Topology topology) {
  std::unique_ptr<JetStream> j(new JetStream());
  j->topology_ = std::move(topology);
  natsOptions* opts = nullptr;
  natsStatus s = natsOptions_Create(&opts);
  if (s == NATS_OK) s = natsOptions_SetURL(opts, url.c_str());
  if (s == NATS_OK) s = natsOptions_SetMaxReconnect(opts, -1);  // ride out a server restart
  if (s == NATS_OK) s = natsOptions_SetName(opts, "dossier");
  natsConnection* nc = nullptr;
  if (s == NATS_OK) s = natsConnection_Connect(&nc, opts);
  natsOptions_Destroy(opts);
  if (s != NATS_OK) return NatsError("cannot connect to NATS at " + url, s);
  j->nc_ = nc;
  jsCtx* js = nullptr;
  s = natsConnection_JetStream(&js, nc, nullptr);
  if (s != NATS_OK) return NatsError("JetStream", s);
  j->js_ = js;
  return j;
}

Status JetStream::EnsureStreams(int64_t dedupe_ms) {
  struct Want {
    const std::string* name;
    const std::string* subject;
    jsRetentionPolicy retention;
  };
  for (const Want& w : {Want{&topology_.stream, &topology_.subject, js_WorkQueuePolicy},
                        Want{&topology_.dead_stream, &topology_.dead_subject, js_LimitsPolicy}}) {
    jsStreamInfo* si = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = js_GetStreamInfo(&si, Js(js_), w.name->c_str(), nullptr, &jerr);
    if (s == NATS_OK) {
      jsStreamInfo_Destroy(si);
      continue;
    }
    if (s != NATS_NOT_FOUND) return NatsError("stream " + *w.name, s, jerr);
    jsStreamConfig cfg;
    jsStreamConfig_Init(&cfg);
    cfg.Name = w.name->c_str();
    const char* subjects[] = {w.subject->c_str()};
    cfg.Subjects = subjects;
    cfg.SubjectsLen = 1;
    cfg.Retention = w.retention;
    cfg.Storage = js_FileStorage;
    cfg.Duplicates = dedupe_ms * 1000000;
    s = js_AddStream(&si, Js(js_), &cfg, nullptr, &jerr);
    if (s == NATS_OK) {
      jsStreamInfo_Destroy(si);
    } else if (jerr != JSStreamNameExistErr) {  // another process made it meanwhile
      return NatsError("cannot create stream " + *w.name, s, jerr);
    }
  }
  return Status::OK();
}

Status JetStream::EnsureConsumer(const ConsumerOptions& options) {
  jsConsumerInfo* ci = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetConsumerInfo(&ci, Js(js_), topology_.stream.c_str(),
                                    topology_.consumer.c_str(), nullptr, &jerr);
  if (s == NATS_OK) {
    jsConsumerInfo_Destroy(ci);
    return Status::OK();
  }
  if (s != NATS_NOT_FOUND) return NatsError("consumer " + topology_.consumer, s, jerr);
  jsConsumerConfig cc;
  jsConsumerConfig_Init(&cc);
  cc.Durable = topology_.consumer.c_str();
  cc.AckPolicy = js_AckExplicit;
  cc.DeliverPolicy = js_DeliverAll;
  cc.AckWait = options.ack_wait_ms * 1000000;
  cc.MaxDeliver = -1;  // a poison message is terminated by the worker, not dropped here
  cc.MaxAckPending = options.max_ack_pending;
  cc.FilterSubject = topology_.subject.c_str();
  s = js_AddConsumer(&ci, Js(js_), topology_.stream.c_str(), &cc, nullptr, &jerr);
  if (s != NATS_OK && jerr != JSConsumerNameExistErr && jerr != JSConsumerExistingActiveErr) {
    return NatsError("cannot create consumer " + topology_.consumer, s, jerr);
  }
  if (s == NATS_OK) jsConsumerInfo_Destroy(ci);
  return Status::OK();
}

int64_t JetStream::max_payload() const { return natsConnection_GetMaxPayload(Nc(nc_)); }

Status JetStream::Publish(std::string_view data, const std::string& msg_id, bool* duplicate) {
  *duplicate = false;
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MsgId = msg_id.c_str();
  po.MaxWait = 10000;
  jsPubAck* ack = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_Publish(&ack, Js(js_), topology_.subject.c_str(), data.data(),
                            static_cast<int>(data.size()), &po, &jerr);
  if (s != NATS_OK) return NatsError("publish", s, jerr);
  *duplicate = ack->Duplicate;
  jsPubAck_Destroy(ack);
  return Status::OK();
}

Status JetStream::PublishDead(std::string_view data, uint64_t seq, const std::string& error) {
  natsMsg* msg = nullptr;
  natsStatus s = natsMsg_Create(&msg, topology_.dead_subject.c_str(), nullptr, data.data(),
                                static_cast<int>(data.size()));
  // A header value is one line.
  std::string line = error;
  for (char& c : line) {
    if (c == '\r' || c == '\n') c = ' ';
  }
  if (s == NATS_OK) s = natsMsgHeader_Set(msg, "Dossier-Error", line.c_str());
  if (s == NATS_OK) s = natsMsgHeader_Set(msg, "Dossier-Seq", std::to_string(seq).c_str());
  jsPubOptions po;
  jsPubOptions_Init(&po);
  // A worker killed between this and the Term dead-letters it again: same id.
  const std::string id = "dead-" + std::to_string(seq);
  po.MsgId = id.c_str();
  jsPubAck* ack = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  if (s == NATS_OK) s = js_PublishMsg(&ack, Js(js_), msg, &po, &jerr);
  natsMsg_Destroy(msg);
  if (s != NATS_OK) return NatsError("publish to " + topology_.dead_subject, s, jerr);
  jsPubAck_Destroy(ack);
  return Status::OK();
}

Result<std::vector<std::unique_ptr<Delivery>>> JetStream::Fetch(int batch, int64_t timeout_ms) {
  if (sub_ == nullptr) {
    jsSubOptions so;
    jsSubOptions_Init(&so);
    so.Stream = topology_.stream.c_str();
    so.Consumer = topology_.consumer.c_str();  // bind to the shared durable
    natsSubscription* sub = nullptr;
    jsErrCode jerr = static_cast<jsErrCode>(0);
    natsStatus s = js_PullSubscribe(&sub, Js(js_), topology_.subject.c_str(),
                                    topology_.consumer.c_str(), nullptr, &so, &jerr);
    if (s != NATS_OK) return NatsError("pull subscription", s, jerr);
    sub_ = sub;
  }
  natsMsgList list = {nullptr, 0};
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s =
      natsSubscription_Fetch(&list, static_cast<natsSubscription*>(sub_), batch, timeout_ms, &jerr);
  std::vector<std::unique_ptr<Delivery>> out;
  if (s == NATS_TIMEOUT) return out;
  if (s != NATS_OK) return NatsError("fetch", s, jerr);
  for (int i = 0; i < list.Count; ++i) {
    out.push_back(std::unique_ptr<Delivery>(new Delivery(list.Msgs[i])));
    list.Msgs[i] = nullptr;  // owned by the Delivery now
  }
  natsMsgList_Destroy(&list);
  return out;
}

Result<StreamCounts> JetStream::StreamInfo(const std::string& name) {
  jsStreamInfo* si = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetStreamInfo(&si, Js(js_), name.c_str(), nullptr, &jerr);
  if (s == NATS_NOT_FOUND) return StreamCounts();
  if (s != NATS_OK) return NatsError("stream " + name, s, jerr);
  StreamCounts c;
  c.messages = si->State.Msgs;
  c.last_seq = si->State.LastSeq;
  c.last_time_ns = si->State.LastTime;
  jsStreamInfo_Destroy(si);
  return c;
}

Result<StreamCounts> JetStream::WorkStream() { return StreamInfo(topology_.stream); }
Result<StreamCounts> JetStream::DeadStream() { return StreamInfo(topology_.dead_stream); }

Result<ConsumerCounts> JetStream::Consumer() {
  jsConsumerInfo* ci = nullptr;
  jsErrCode jerr = static_cast<jsErrCode>(0);
  natsStatus s = js_GetConsumerInfo(&ci, Js(js_), topology_.stream.c_str(),
                                    topology_.consumer.c_str(), nullptr, &jerr);
  if (s == NATS_NOT_FOUND) return ConsumerCounts();
  if (s != NATS_OK) return NatsError("consumer " + topology_.consumer, s, jerr);
  ConsumerCounts c;
  c.pending = ci->NumPending;
  c.ack_pending = ci->NumAckPending;
  c.redelivered = ci->NumRedelivered;
  c.waiting = ci->NumWaiting;
  c.ack_floor = ci->AckFloor.Stream;
  jsConsumerInfo_Destroy(ci);
  return c;
}

Status JetStream::Beat(const std::string& payload) {
  natsStatus s =
      natsConnection_PublishString(Nc(nc_), topology_.heartbeat.c_str(), payload.c_str());
  return s == NATS_OK ? Status::OK() : NatsError("heartbeat", s);
}

Result<std::vector<std::string>> JetStream::ListenBeats(int64_t ms) {
  natsSubscription* sub = nullptr;
  natsStatus s = natsConnection_SubscribeSync(&sub, Nc(nc_), topology_.heartbeat.c_str());
  if (s != NATS_OK) return NatsError("subscribe " + topology_.heartbeat, s);
  std::vector<std::string> out;
  const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  for (;;) {
    const int64_t left = std::chrono::duration_cast<std::chrono::milliseconds>(
                             until - std::chrono::steady_clock::now())
                             .count();
    if (left <= 0) break;
    natsMsg* m = nullptr;
    s = natsSubscription_NextMsg(&m, sub, left);
    if (s == NATS_TIMEOUT) break;
    if (s != NATS_OK) break;
    out.emplace_back(natsMsg_GetData(m), static_cast<size_t>(natsMsg_GetDataLength(m)));
    natsMsg_Destroy(m);
  }
  natsSubscription_Destroy(sub);
  return out;
}

}  // namespace dossier::scaleout
