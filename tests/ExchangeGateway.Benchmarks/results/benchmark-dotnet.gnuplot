$d1024_direct << EOD
1 8698.871 0.204
16 30685.254 1.587
64 34911.5 4.488
EOD
$d1024_proxy_pair << EOD
1 2975.481 0.535
16 7862.304 3.928
64 9238.585 12.399
EOD
$d1024_relay_pair << EOD
1 2027.489 0.713
16 10771.398 3.191
64 12885.432 9.741
EOD
$d1024_gateway_pair << EOD
1 488.319 4.502
16 2137.697 15.266
64 3501.833 36.286
EOD
$d65536_direct << EOD
1 1604.431 1.196
16 3069.419 10.864
64 3242.267 29.453
EOD
$d65536_proxy_pair << EOD
1 821.532 1.992
16 1460.223 17.753
64 1577.138 63.853
EOD
$d65536_relay_pair << EOD
1 592.185 2.552
16 1157.232 19.473
64 1365.665 65.995
EOD
$d65536_gateway_pair << EOD
1 266.586 6.403
16 711.355 30.863
64 768.949 119.481
EOD
$d1048576_direct << EOD
1 144.632 16.441
16 176.133 185.441
64 168.526 588.286
EOD
$d1048576_proxy_pair << EOD
1 71.981 25.342
16 111.188 186.16
64 105.587 839.747
EOD
$d1048576_relay_pair << EOD
1 67.652 24.062
16 79.979 283.474
64 76.946 1061.506
EOD
$d1048576_gateway_pair << EOD
1 40.322 37.769
16 61.27 394.214
64 66.225 2159.341
EOD
set terminal pngcairo size 1200,1080 font 'sans,10'
set output '/tmp/full2/results/benchmark-dotnet.png'
set multiplot layout 3,2 title 'ExchangeGateway benchmark, dotnet (medians)'
set logscale x 2
set xrange [0.8:80]
set xtics (1, 16, 64)
set xlabel 'concurrent calls'
set grid
set key top left
set title 'throughput, 1 KiB'
set ylabel 'requests/s'
set logscale y
plot $d1024_direct using 1:2 with linespoints title 'direct', $d1024_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:2 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 KiB'
set ylabel 'ms'
plot $d1024_direct using 1:3 with linespoints title 'direct', $d1024_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1024_relay_pair using 1:3 with linespoints title 'relay-pair', $d1024_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 64 KiB'
set ylabel 'requests/s'
set logscale y
plot $d65536_direct using 1:2 with linespoints title 'direct', $d65536_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:2 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 64 KiB'
set ylabel 'ms'
plot $d65536_direct using 1:3 with linespoints title 'direct', $d65536_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d65536_relay_pair using 1:3 with linespoints title 'relay-pair', $d65536_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
set title 'throughput, 1 MiB'
set ylabel 'requests/s'
set logscale y
plot $d1048576_direct using 1:2 with linespoints title 'direct', $d1048576_proxy_pair using 1:2 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:2 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:2 with linespoints title 'gateway-pair'
set title 'p99 latency, 1 MiB'
set ylabel 'ms'
plot $d1048576_direct using 1:3 with linespoints title 'direct', $d1048576_proxy_pair using 1:3 with linespoints title 'proxy-pair', $d1048576_relay_pair using 1:3 with linespoints title 'relay-pair', $d1048576_gateway_pair using 1:3 with linespoints title 'gateway-pair'
unset logscale y
unset multiplot
